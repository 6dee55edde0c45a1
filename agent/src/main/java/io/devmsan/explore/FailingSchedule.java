package io.devmsan.explore;

import io.devmsan.runtime.Violation;
import java.util.List;

/**
 * A schedule in which something went wrong: a violation happened, or neither the story nor the
 * injected action could finish (a hang). Replayable alone by its {@link #id()}.
 */
public final class FailingSchedule {

    private final String id;
    private final Action action;
    private final Checkpoint checkpoint;
    private final boolean hang;
    private final List<Violation> violations;
    private final Violation finding;
    private final String table;
    private final String details;

    FailingSchedule(ScheduleId id, Checkpoint checkpoint, boolean hang, List<Violation> violations, Violation finding,
            String table, String details) {
        this.id = id.toString();
        this.action = id.action();
        this.checkpoint = checkpoint;
        this.hang = hang;
        this.violations = List.copyOf(violations);
        this.finding = finding;
        this.table = table;
        this.details = details;
    }

    /** The replay id, such as {@code UNBIND@7}. */
    public String id() {
        return id;
    }

    /** The action injected. */
    public Action action() {
        return action;
    }

    /** Where the story stopped. */
    public Checkpoint checkpoint() {
        return checkpoint;
    }

    /** True for a hang, false for a violation. */
    public boolean hang() {
        return hang;
    }

    /** The violations that happened during the schedule, the offending one first; empty for a hang. */
    public List<Violation> violations() {
        return violations;
    }

    /** The {@code unbind-race} or {@code unbind-hang} violation recorded for it. */
    public Violation finding() {
        return finding;
    }

    /** The interleaving, one column per thread. */
    public String table() {
        return table;
    }

    /** How to run this schedule alone. */
    public String replayHint() {
        return "-D" + ScheduleId.REPLAY_PROPERTY + "=" + id + " or UnbindExplorer.withReplay(\"" + id + "\")";
    }

    /** The whole account: what, where, the table, then the stacks or violations. */
    public String describe() {
        StringBuilder out = new StringBuilder();
        out.append("schedule ").append(id).append(hang ? ": HANG" : ": VIOLATION").append('\n');
        out.append("  checkpoint ").append(checkpoint).append('\n');
        out.append("  replay with ").append(replayHint()).append('\n');
        out.append(table);
        out.append(details);
        return out.toString();
    }

    @Override
    public String toString() {
        return id + (hang ? " hang" : " violation") + " at " + checkpoint;
    }
}
