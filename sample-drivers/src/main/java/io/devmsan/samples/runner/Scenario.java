package io.devmsan.samples.runner;

/**
 * One lifetime pattern, replayed by a story, with the verdict the agent must reach.
 *
 * @param id the scenario's id on the command line, such as {@code xyz-devm-ioctl}
 * @param seed the mailing-list seed it models, such as {@code "003"}
 * @param pattern the kernel pattern, in a few words
 * @param expected {@link Verdict#CLEAN}, {@link Verdict#VIOLATION}, or {@link Verdict#HANG} (explored only)
 * @param home a class of the scenario's own package: the lines there marked
 *     {@code // devmsan: expect <rule>} are the ones the agent must flag for it
 * @param story what user space does
 * @param exploration how the explorer explores it, or null to explore the story as it is
 */
public record Scenario(String id, String seed, String pattern, Verdict expected, Class<?> home, Story story,
        Exploration<?> exploration) {

    /**
     * Checks the fields: ids are non-empty and blank-free, the expectation is clean, violation or
     * (for an explored scenario) hang.
     */
    public Scenario {
        if (id == null || id.isEmpty() || id.chars().anyMatch(Character::isWhitespace)) {
            throw new IllegalArgumentException("scenario id must be non-empty without blanks, got '" + id + "'");
        }
        boolean accepted = expected == Verdict.CLEAN || expected == Verdict.VIOLATION
                || expected == Verdict.HANG && story instanceof ExploredStory;
        if (!accepted) {
            throw new IllegalArgumentException("scenario " + id + " expects " + expected
                    + "; accepted: CLEAN, VIOLATION, and HANG for an explored scenario");
        }
        if (home == null) {
            throw new IllegalArgumentException("scenario " + id + " has no home class");
        }
        if (story == null) {
            throw new IllegalArgumentException("scenario " + id + " has no story");
        }
    }

    /** A scenario whose story is played once under the agent. */
    public Scenario(String id, String seed, String pattern, Verdict expected, Class<?> home, Story story) {
        this(id, seed, pattern, expected, home, story, null);
    }

    /**
     * A scenario that the unbind explorer explores, with the fence analysis: its story runs the
     * exploration, whose findings ({@code unbind-race}, {@code unbind-hang}, {@code unfenced-access}
     * and the violations of failing schedules) are what the agent observes.
     */
    public static Scenario explored(String id, String seed, String pattern, Verdict expected, Class<?> home,
            Exploration<?> exploration) {
        if (exploration == null) {
            throw new IllegalArgumentException("explored scenario " + id + " has no exploration");
        }
        return new Scenario(id, seed, pattern, expected, home, new ExploredStory(exploration, id), exploration);
    }

    /**
     * True when the story is the exploration ({@link #explored}): its findings are the agent's
     * observations. A scenario with a story of its own may still carry an exploration, which the
     * corpus exploration test uses instead of exploring the story as it is.
     */
    public boolean explores() {
        return story instanceof ExploredStory;
    }

    /** The story of an explored scenario: its exploration, findings recorded through the runtime. */
    private static final class ExploredStory implements Story {
        private final Exploration<?> exploration;
        private final String id;

        ExploredStory(Exploration<?> exploration, String id) {
            this.exploration = exploration;
            this.id = id;
        }

        @Override
        public void run() {
            Explorations.explore(exploration, id);
        }
    }
}
