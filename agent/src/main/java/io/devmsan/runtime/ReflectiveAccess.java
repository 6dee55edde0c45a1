package io.devmsan.runtime;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Checks for reflective field accesses and field handles, called just before the program's own
 * {@code Field.get*}/{@code set*} or {@code Lookup} call runs (the agent copies the arguments; the
 * original call still runs with its own caller, so access checks are unchanged).
 *
 * <p>{@code Field.get/set} on a {@code @DevmScoped} field or on a field of an owned object are
 * checked like the direct access. Field handles ({@code findGetter}, {@code unreflectVarHandle},
 * ...) are not: the first one made for an annotated field logs a warning (docs/limits.md).
 *
 * <p>Never throws into the program, except the violation error under
 * {@code onViolation=throw}: a field it cannot inspect is simply not checked.
 */
final class ReflectiveAccess {

    private static final String PREFIX = "devmsan$";

    /** Per declaring class: its {@code @DevmScoped} fields (those the agent gave a companion). */
    private static final ClassValue<Map<String, Scoped>> SCOPED = new ClassValue<>() {
        @Override
        protected Map<String, Scoped> computeValue(Class<?> type) {
            return scopedFieldsOf(type);
        }
    };

    /** Sites derived per (call site, field, kind): reports name the field, not the reflective call. */
    private static final Map<String, Integer> SITES = new ConcurrentHashMap<>();

    private ReflectiveAccess() {
    }

    /** Before {@code field.get*(target)}. */
    static void read(Field field, Object target, int callSite) {
        try {
            if (field == null || target == null || Modifier.isStatic(field.getModifiers())
                    || !field.getDeclaringClass().isInstance(target)) {
                return; // static, or the call itself fails: nothing is read from an object
            }
            checkReceiver(field, target, callSite, Sites.Kind.OWNED_FIELD_READ);
            Scoped scoped = SCOPED.get(field.getDeclaringClass()).get(field.getName());
            if (scoped == null) {
                return;
            }
            Object value = scoped.value.get(target);
            Object token = scoped.companion.get(target);
            if (value != null && token instanceof Lifetime && (((Lifetime) token).dead | DevmsanRuntime.armed)) {
                Core.scopedRead(value, (Lifetime) token, site(callSite, Sites.Kind.SCOPED_READ, scoped.resource));
            }
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            unchecked(field, e);
        }
    }

    /** Before {@code field.set(target, value)}: also stores the owner token of {@code value}. */
    static void write(Field field, Object target, Object value, int callSite) {
        try {
            if (field == null || target == null || Modifier.isStatic(field.getModifiers())
                    || !field.getDeclaringClass().isInstance(target)) {
                return;
            }
            checkReceiver(field, target, callSite, Sites.Kind.OWNED_FIELD_WRITE);
            Scoped scoped = SCOPED.get(field.getDeclaringClass()).get(field.getName());
            if (scoped == null) {
                return;
            }
            // Stored before the program's set runs: should that set fail, the old value keeps a
            // token that is no older than its own (docs/limits.md).
            Object token = value == null || Core.activeProbes == 0 ? null
                    : Core.ownerForStore(value, site(callSite, Sites.Kind.SCOPED_WRITE, scoped.resource));
            scoped.companion.set(target, token);
        } catch (IllegalAccessException | RuntimeException | LinkageError e) {
            unchecked(field, e);
        }
    }

    /** Before {@code field.setInt(target, v)} and the other primitive setters. */
    static void writePrimitive(Field field, Object target, int callSite) {
        try {
            if (field != null && target != null && !Modifier.isStatic(field.getModifiers())
                    && field.getDeclaringClass().isInstance(target)) {
                checkReceiver(field, target, callSite, Sites.Kind.OWNED_FIELD_WRITE);
            }
        } catch (RuntimeException | LinkageError e) {
            unchecked(field, e);
        }
    }

    /** Before {@code lookup.findGetter/findSetter/findVarHandle(refc, name, type)}. */
    static void handleByName(Class<?> refc, String name, int callSite) {
        if (refc == null || name == null || name.startsWith(PREFIX)) {
            return;
        }
        try {
            for (Class<?> c = refc; c != null; c = c.getSuperclass()) {
                for (Field field : c.getDeclaredFields()) {
                    if (field.getName().equals(name) && !Modifier.isStatic(field.getModifiers())) {
                        warnAboutHandle(field, refc, callSite);
                        return;
                    }
                }
            }
        } catch (RuntimeException | LinkageError e) {
            // The look-up itself will say what is wrong with the class.
        }
    }

    /** Before {@code lookup.unreflectGetter/unreflectSetter/unreflectVarHandle(field)}. */
    static void handleByField(Field field, int callSite) {
        if (field == null || field.getName().startsWith(PREFIX) || Modifier.isStatic(field.getModifiers())) {
            return;
        }
        try {
            warnAboutHandle(field, field.getDeclaringClass(), callSite);
        } catch (RuntimeException | LinkageError e) {
            // Not annotated as far as we can tell.
        }
    }

    private static void checkReceiver(Field field, Object target, int callSite, Sites.Kind kind) {
        Lifetime token = OwnerField.read(target);
        if (token != null && (token.dead | DevmsanRuntime.armed)) {
            Core.ownedAccess(token, site(callSite, kind, resource(field)));
        }
    }

    private static void warnAboutHandle(Field field, Class<?> refc, int callSite) {
        String what;
        if (SCOPED.get(field.getDeclaringClass()).containsKey(field.getName())) {
            what = "@DevmScoped field";
        } else if (OwnerField.of(refc) != null || OwnerField.of(field.getDeclaringClass()) != null) {
            what = "field of @ScopeOwned type";
        } else {
            return;
        }
        Site call = SiteTable.INSTANCE.get(callSite);
        Log.warnOnce("handle:" + resource(field), "devmsan does not check accesses through method handles"
                + " or VarHandles: " + call.resource + " at " + call.location() + " made one for " + what + " "
                + resource(field) + "; reads and writes through it are not checked (see docs/limits.md)");
    }

    private static int site(int callSite, Sites.Kind kind, String resource) {
        return SITES.computeIfAbsent(callSite + " " + kind + " " + resource, key -> {
            Site call = SiteTable.INSTANCE.get(callSite);
            return SiteTable.INSTANCE.add(kind, call.className, call.methodName, call.sourceFile, call.line,
                    resource);
        });
    }

    private static String resource(Field field) {
        return field.getDeclaringClass().getName() + "#" + field.getName();
    }

    private static void unchecked(Field field, Throwable why) {
        String name = field == null ? "null" : resource(field);
        Log.warnOnce("reflective:" + name, "devmsan cannot check reflective accesses to " + name + ": " + why);
    }

    private static Map<String, Scoped> scopedFieldsOf(Class<?> type) {
        Map<String, Scoped> scoped = new HashMap<>();
        try {
            Field[] fields = type.getDeclaredFields();
            Map<String, Field> byName = new HashMap<>();
            for (Field field : fields) {
                byName.put(field.getName(), field);
            }
            for (Field field : fields) {
                Field companion = byName.get(PREFIX + field.getName());
                // The agent gives a companion to each valid @DevmScoped field and to nothing else.
                if (companion == null || !companion.isSynthetic() || Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                if (field.trySetAccessible() && companion.trySetAccessible()) {
                    scoped.put(field.getName(), new Scoped(field, companion,
                            type.getName() + "#" + field.getName()));
                } else {
                    Log.warnOnce("reflective:" + type.getName(), "devmsan cannot check reflective accesses to "
                            + type.getName() + "#" + field.getName() + ": its package is not open to devmsan");
                }
            }
        } catch (RuntimeException | LinkageError e) {
            Log.warnOnce("reflective:" + type.getName(), "devmsan cannot inspect " + type.getName()
                    + " for @DevmScoped fields: " + e);
        }
        return scoped.isEmpty() ? Map.of() : scoped;
    }

    /** A {@code @DevmScoped} field and its companion, both accessible to the runtime. */
    private static final class Scoped {
        final Field value;
        final Field companion;
        final String resource;

        Scoped(Field value, Field companion, String resource) {
            this.value = value;
            this.companion = companion;
            this.resource = resource;
        }
    }
}
