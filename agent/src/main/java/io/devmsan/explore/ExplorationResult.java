package io.devmsan.explore;

import io.devmsan.runtime.Violation;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What an exploration found. Every finding was also recorded through the runtime (rules
 * {@code unbind-race}, {@code unbind-hang}, {@code unfenced-access}), so it is in the report file
 * and in {@code Devmsan.since} as well.
 */
public final class ExplorationResult {

    private final String name;
    private final List<Checkpoint> checkpoints;
    private final int planned;
    private final int run;
    private final Map<Action, Integer> runPerAction;
    private final int blocked;
    private final int notReached;
    private final int stuck;
    private final List<FailingSchedule> failing;
    private final List<Violation> storyViolations;
    private final List<Violation> unfenced;
    private final Duration elapsed;
    private final String budgetNote;

    ExplorationResult(String name, List<Checkpoint> checkpoints, int planned, int run, Map<Action, Integer> runPerAction,
            int blocked, int notReached, int stuck, List<FailingSchedule> failing, List<Violation> storyViolations,
            List<Violation> unfenced, Duration elapsed, String budgetNote) {
        this.name = name;
        this.checkpoints = List.copyOf(checkpoints);
        this.planned = planned;
        this.run = run;
        this.runPerAction = Map.copyOf(runPerAction);
        this.blocked = blocked;
        this.notReached = notReached;
        this.stuck = stuck;
        this.failing = List.copyOf(failing);
        this.storyViolations = List.copyOf(storyViolations);
        this.unfenced = List.copyOf(unfenced);
        this.elapsed = elapsed;
        this.budgetNote = budgetNote;
    }

    /** The story's checkpoints, as the recording run numbered them (empty when replaying). */
    public List<Checkpoint> checkpoints() {
        return checkpoints;
    }

    /** Schedules the exploration wanted to run. */
    public int schedulesPlanned() {
        return planned;
    }

    /** Schedules run (fewer than planned when a budget ran out). */
    public int schedulesRun() {
        return run;
    }

    /** Schedules run per action. */
    public Map<Action, Integer> schedulesPerAction() {
        return runPerAction;
    }

    /** Schedules in which the action blocked until the story let it go: the fence working. */
    public int schedulesWithBlockedAction() {
        return blocked;
    }

    /** Schedules whose story ended before its checkpoint (a story that is not deterministic). */
    public int schedulesNotReached() {
        return notReached;
    }

    /**
     * Schedules whose story did not finish although the action did: the story's own wait (a latch,
     * a join) that the injected action made endless. Not a finding; its thread stays parked.
     */
    public int schedulesWithStuckStory() {
        return stuck;
    }

    /** Every failing schedule, in the order run. */
    public List<FailingSchedule> failing() {
        return failing;
    }

    /** Failing schedules with a violation. */
    public long violations() {
        return failing.stream().filter(f -> !f.hang()).count();
    }

    /** Failing schedules that hung. */
    public long hangs() {
        return failing.stream().filter(FailingSchedule::hang).count();
    }

    /** Violations of the story alone, with nothing injected: a bug no interleaving is needed for. */
    public List<Violation> storyViolations() {
        return storyViolations;
    }

    /** The fence analysis's findings on the recording run (rule {@code unfenced-access}). */
    public List<Violation> unfencedAccesses() {
        return unfenced;
    }

    /** How long it took. */
    public Duration elapsed() {
        return elapsed;
    }

    /** Null when every planned schedule ran, else which budget stopped it. */
    public String budgetNote() {
        return budgetNote;
    }

    /** No failing schedule, no violation of the story alone, no unfenced access. */
    public boolean clean() {
        return failing.isEmpty() && storyViolations.isEmpty() && unfenced.isEmpty();
    }

    /**
     * One line: {@code devmsan explore x: 24 of 24 schedules (UNBIND 12, ...) in 1.2s: 1 violation,
     * 0 hangs, 5 blocked by a fence; 12 checkpoints; fence analysis: 1 unfenced access}.
     */
    public String summary() {
        StringBuilder perAction = new StringBuilder();
        for (Action action : Action.values()) {
            Integer count = runPerAction.get(action);
            if (count != null) {
                perAction.append(perAction.length() == 0 ? "" : ", ").append(action.id()).append(' ').append(count);
            }
        }
        String line = "devmsan explore " + name + ": " + run + " of " + planned + " schedules"
                + (perAction.length() == 0 ? "" : " (" + perAction + ")") + " in "
                + String.format(Locale.ROOT, "%.1fs", elapsed.toMillis() / 1000.0) + ": " + plural(violations(), "violation")
                + ", " + plural(hangs(), "hang") + ", " + blocked + " blocked by a fence"
                + (notReached == 0 ? "" : ", " + notReached + " not reached")
                + (stuck == 0 ? "" : ", " + stuck + " with the story stuck") + "; " + plural(checkpoints.size(), "checkpoint")
                + (storyViolations.isEmpty() ? "" : "; the story alone: " + plural(storyViolations.size(), "violation"))
                + "; fence analysis: " + plural(unfenced.size(), "unfenced access");
        return budgetNote == null ? line : line + " (" + budgetNote + ")";
    }

    /** The summary, then every failing schedule described with its table. */
    public String report() {
        StringBuilder out = new StringBuilder(summary()).append('\n');
        for (FailingSchedule schedule : failing) {
            out.append('\n').append(schedule.describe());
        }
        for (Violation violation : unfenced) {
            out.append('\n').append("unfenced access: ").append(violation.resource()).append(" at ")
                    .append(violation.accessClass()).append('.').append(violation.accessMethod()).append('(')
                    .append(violation.accessFile()).append(':').append(violation.accessLine()).append(")\n");
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return summary();
    }

    private static String plural(long count, String noun) {
        return count + " " + (count == 1 ? noun : noun.endsWith("s") ? noun + "es" : noun + "s");
    }
}
