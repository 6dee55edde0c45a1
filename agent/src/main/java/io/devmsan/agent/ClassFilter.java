package io.devmsan.agent;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

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
    private final List<Pattern> include;
    private final List<Pattern> exclude;

    ClassFilter(String includes, String excludes) {
        this.includes = includes;
        this.excludes = excludes;
        this.include = compile(includes);
        this.exclude = compile(excludes);
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

    private static boolean matches(List<Pattern> patterns, String name) {
        for (Pattern pattern : patterns) {
            if (pattern.matcher(name).matches()) {
                return true;
            }
        }
        return false;
    }

    /** Compiles {@code a.*:b.C?} into one regex per pattern; an empty string matches nothing. */
    static List<Pattern> compile(String patterns) {
        List<Pattern> compiled = new ArrayList<>();
        for (String pattern : patterns.split(":")) {
            if (pattern.isEmpty()) {
                continue;
            }
            StringBuilder regex = new StringBuilder(pattern.length() * 2);
            for (char c : pattern.toCharArray()) {
                switch (c) {
                    case '*': regex.append(".*"); break;
                    case '?': regex.append('.'); break;
                    default: regex.append(Pattern.quote(String.valueOf(c)));
                }
            }
            compiled.add(Pattern.compile(regex.toString()));
        }
        return compiled;
    }
}
