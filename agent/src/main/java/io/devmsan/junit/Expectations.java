package io.devmsan.junit;

import io.devmsan.runtime.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The violations a test declared with {@link ExpectViolation}, and the verdict on those that
 * happened: which expected ones are missing and which failing ones nobody expected.
 */
final class Expectations {

    private final List<ExpectViolation> expected;

    Expectations(List<ExpectViolation> expected) {
        this.expected = List.copyOf(expected);
    }

    /** Whether some expectation covers {@code violation}. */
    boolean covers(Violation violation) {
        for (ExpectViolation expectation : expected) {
            if (matches(expectation, violation)) {
                return true;
            }
        }
        return false;
    }

    /** Why the test fails, or null when the violations that happened are exactly what was expected. */
    String verdict(List<Violation> happened) {
        List<ExpectViolation> missing = new ArrayList<>();
        for (ExpectViolation expectation : expected) {
            if (happened.stream().noneMatch(v -> matches(expectation, v))) {
                missing.add(expectation);
            }
        }
        List<Violation> unexpected = new ArrayList<>();
        for (Violation violation : happened) {
            // Violations recorded with onViolation=log are informational: they never fail a test.
            if (violation.failing() && !covers(violation)) {
                unexpected.add(violation);
            }
        }
        if (missing.isEmpty() && unexpected.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder();
        if (!missing.isEmpty()) {
            message.append("devmsan: expected ").append(missing.size() == 1 ? "a violation" : "violations")
                    .append(" that did not occur during this test:");
            for (ExpectViolation expectation : missing) {
                message.append("\n  ").append(describe(expectation));
            }
            message.append("\n  occurred: ");
            if (happened.isEmpty()) {
                message.append("none");
            }
            for (Violation violation : happened) {
                message.append("\n    ").append(violation.rule()).append(' ').append(violation.resource());
            }
            message.append('\n');
        }
        if (!unexpected.isEmpty()) {
            message.append("devmsan: ").append(unexpected.size())
                    .append(unexpected.size() == 1 ? " violation" : " violations").append(" during this test")
                    .append(expected.isEmpty() ? "" : " that no @ExpectViolation covers").append(":\n");
            for (Violation violation : unexpected) {
                message.append("occurred ").append(violation.count()).append(violation.count() == 1 ? " time" : " times")
                        .append(" during this test:\n").append(violation.toText());
            }
        }
        return message.toString();
    }

    static boolean matches(ExpectViolation expectation, Violation violation) {
        return ("*".equals(expectation.rule()) || expectation.rule().equals(violation.rule()))
                && resourceMatches(expectation.resource(), violation.resource());
    }

    /**
     * A pattern matches a suffix of the resource ({@code XyzContext#regs} matches
     * {@code com.example.XyzContext#regs}); {@code *} in it matches any characters.
     */
    static boolean resourceMatches(String pattern, String resource) {
        if (pattern.contains("*")) {
            String[] parts = pattern.split("\\*", -1);
            StringBuilder regex = new StringBuilder("(?s).*");
            for (int i = 0; i < parts.length; i++) {
                regex.append(i > 0 ? ".*" : "").append(Pattern.quote(parts[i]));
            }
            return Pattern.matches(regex.toString(), resource);
        }
        return !pattern.isEmpty() && resource.endsWith(pattern);
    }

    private static String describe(ExpectViolation expectation) {
        return "@ExpectViolation(rule = \"" + expectation.rule() + "\", resource = \"" + expectation.resource() + "\")";
    }
}
