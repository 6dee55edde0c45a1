package io.devmsan.agent;

import java.util.ArrayList;
import java.util.List;

/**
 * One include or exclude pattern: {@code *} matches any run of characters (dots included),
 * {@code ?} any one character, everything else itself. Matched by hand rather than compiled to a
 * regex: {@code java.util.regex} spins lambdas when it compiles, which costs start-up time in
 * every JVM the agent watches, and this runs once per loaded class.
 */
final class Wildcard {

    private final String pattern;

    private Wildcard(String pattern) {
        this.pattern = pattern;
    }

    /** {@code a.*:b.C?}: one wildcard per non-empty pattern between colons. */
    static List<Wildcard> parseList(String patterns) {
        List<Wildcard> parsed = new ArrayList<>();
        int start = 0;
        while (start <= patterns.length()) {
            int end = patterns.indexOf(':', start);
            if (end < 0) {
                end = patterns.length();
            }
            if (end > start) {
                parsed.add(new Wildcard(patterns.substring(start, end)));
            }
            start = end + 1;
        }
        return parsed;
    }

    /**
     * Greedy match with one backtrack point, the last {@code *} seen: linear in practice and at
     * worst pattern length × name length.
     */
    boolean matches(String name) {
        int p = 0;
        int n = 0;
        int star = -1;
        int afterStar = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                p++;
                n++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = p++;
                afterStar = n;
            } else if (star >= 0) {
                p = star + 1;
                n = ++afterStar;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }

    @Override
    public String toString() {
        return pattern;
    }
}
