package io.devmsan.samples.runner;

/**
 * One lifetime pattern, replayed by a story, with the verdict the agent must reach.
 *
 * @param id the scenario's id on the command line, such as {@code xyz-devm-ioctl}
 * @param seed the mailing-list seed it models, such as {@code "003"}
 * @param pattern the kernel pattern, in a few words
 * @param expected {@link Verdict#CLEAN} or {@link Verdict#VIOLATION}
 * @param home a class of the scenario's own package: the lines there marked
 *     {@code // devmsan: expect <rule>} are the ones the agent must flag for it
 * @param story what user space does
 */
public record Scenario(String id, String seed, String pattern, Verdict expected, Class<?> home, Story story) {

    /** Checks the fields: ids are non-empty and blank-free, the expectation is clean or violation. */
    public Scenario {
        if (id == null || id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("scenario id must be non-empty without blanks, got '" + id + "'");
        }
        if (expected != Verdict.CLEAN && expected != Verdict.VIOLATION) {
            throw new IllegalArgumentException("scenario " + id + " expects " + expected
                    + "; accepted: CLEAN, VIOLATION");
        }
        if (home == null) {
            throw new IllegalArgumentException("scenario " + id + " has no home class");
        }
        if (story == null) {
            throw new IllegalArgumentException("scenario " + id + " has no story");
        }
    }
}
