package io.devmsan.agent;

/** Names the rewrite adds to classes and the runtime methods it calls. */
final class Names {

    /** Prefix of everything the rewrite adds; such members are never rewritten themselves. */
    static final String PREFIX = "devmsan$";

    /** The owner token field of the root {@code @ScopeOwned} class. */
    static final String OWNER_FIELD = PREFIX + "owner";

    static final String OBJECT = "Ljava/lang/Object;";

    /** The type of owner tokens, the owner field and companions: final, so checks need no cast. */
    static final String TOKEN = "Lio/devmsan/runtime/Lifetime;";

    static final String RUNTIME = "io/devmsan/runtime/DevmsanRuntime";
    static final String CHECK_OWNED = "checkOwned";
    static final String CHECK_OWNED_DESC = "(" + TOKEN + "I)V";
    static final String CHECK_SCOPED_READ = "checkScopedRead";
    static final String CHECK_SCOPED_READ_DESC = "(Ljava/lang/Object;" + TOKEN + "I)V";
    static final String OWNER_FOR_STORE = "ownerForStore";
    static final String OWNER_FOR_STORE_DESC = "(Ljava/lang/Object;I)" + TOKEN;
    static final String OWNER_FOR_NEW = "ownerForNew";
    static final String OWNER_FOR_NEW_DESC = "(Ljava/lang/Object;I)" + TOKEN;

    /** Runtime methods called before reflective field accesses and field handle look-ups. */
    static final String REFLECTIVE_READ = "reflectiveRead";
    static final String REFLECTIVE_WRITE = "reflectiveWrite";
    static final String REFLECTIVE_WRITE_PRIMITIVE = "reflectiveWritePrimitive";
    static final String HANDLE_BY_NAME = "fieldHandleByName";
    static final String HANDLE_BY_FIELD = "fieldHandleByField";

    private Names() {
    }

    /** The companion of {@code @DevmScoped} field {@code field}: its owner token. */
    static String companion(String field) {
        return PREFIX + field;
    }

    static String dotted(String internalName) {
        return internalName.replace('/', '.');
    }
}
