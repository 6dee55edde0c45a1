package io.devmsan.agent;

import java.util.List;

/**
 * Decides which classes the agent may rewrite: the user's include and exclude patterns (JaCoCo
 * style, {@code *} and {@code ?} wildcards, several patterns separated by {@code :}), always minus
 * the JDK's classes and the agent's own.
 */
final class ClassFilter {

    /** Prefixes (internal names) that are never rewritten, whatever the user includes. */
    private static final String[] NEVER = {
        "java/", "javax/", "jdk/", "sun/", "com/sun/", "org/ietf/", "org/w3c/", "org/xml/",
        "io/devmsan/agent/", "io/devmsan/annotations/", "io/devmsan/runtime/",
        "io/devmsan/report/", "io/devmsan/junit/", "io/devmsan/explore/", "io/devmsan/shaded/",
    };

    /** The class the start-up self-check loads; rewritten whatever the patterns say. */
    static final String CANARY = "io/devmsan/canary/Canary";

    private final String includes;
    private final String excludes;
    private final List<Wildcard> include;
    private final List<Wildcard> exclude;

    ClassFilter(String includes, String excludes) {
        this.includes = includes;
        this.excludes = excludes;
        this.include = Wildcard.parseList(includes);
        this.exclude = Wildcard.parseList(excludes);
    }

    /** Whether the class with this internal name ({@code a/b/C$D}) may be rewritten. */
    boolean accepts(String internalName) {
        if (internalName.startsWith(CANARY)) {
            return true;
        }
        if (isNeverRewritten(internalName)) {
            return false;
        }
        String name = internalName.replace('/', '.');
        return matches(include, name) && !matches(exclude, name);
    }

    /** Whether the class is the JDK's or the agent's own. */
    static boolean isNeverRewritten(String internalName) {
        for (String prefix : NEVER) {
            if (internalName.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    String includes() {
        return includes;
    }

    String excludes() {
        return excludes;
    }

    private static boolean matches(List<Wildcard> patterns, String name) {
        for (Wildcard pattern : patterns) {
            if (pattern.matches(name)) {
                return true;
            }
        }
        return false;
    }
}
