package io.devmsan.explore;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Unbind everywhere: takes an ordinary story of user-space operations on a device (open, read,
 * ioctl, close...) and, for every checkpoint the story reaches inside the driver, plays it again
 * from a fresh setup, stops it there, injects an action (unbind, cdev unregister, device removal
 * during open) on another thread, and lets both finish. A schedule with a violation or a hang is
 * reported with its interleaving and a replay id.
 *
 * <pre>{@code
 * ExplorationResult result = UnbindExplorer.of(TpmPlatform::boot, m -> {
 *             File file = Devtmpfs.open(m.nodePath());
 *             file.write(cmd, cmd.length);
 *             file.close();
 *         }, TpmPlatform::shutdown)
 *         .withAction(Action.UNBIND, (m, subject) -> m.bus().unbind(m.device()))
 *         .run();
 * }</pre>
 *
 * <p>Immutable: every {@code with...} returns a new explorer. Needs the devmsan agent
 * ({@code -javaagent}); explorations do not run concurrently in one JVM. See docs/explorer.md.
 *
 * @param <M> what setup builds: the machine the story and the actions work on
 */
public final class UnbindExplorer<M> {

    final Supplier<M> setup;
    final Story<M> story;
    final Consumer<M> teardown;
    private Map<Action, Injection<M>> actions = Map.of();
    int scheduleBudget = 2_000;
    Duration timeBudget = Duration.ofMinutes(2);
    Duration grace = Duration.ofMillis(30);
    Duration hangTimeout = Duration.ofMillis(400);
    Duration scheduleTimeout = Duration.ofSeconds(10);
    String replay = System.getProperty(ScheduleId.REPLAY_PROPERTY);
    boolean fenceAnalysis = true;
    Consumer<String> progress = System.err::println;
    String name = "story";
    boolean requireAgent = true;

    private UnbindExplorer(Supplier<M> setup, Story<M> story, Consumer<M> teardown) {
        this.setup = setup;
        this.story = story;
        this.teardown = teardown;
    }

    /**
     * An explorer for a story.
     *
     * @param setup builds a fresh machine with the device bound, once per schedule
     * @param story the user-space operations, played on the story thread
     * @param teardown takes the machine down after a schedule, whatever happened in it (a hung
     *     schedule is not torn down: its threads still hold the machine)
     */
    public static <M> UnbindExplorer<M> of(Supplier<M> setup, Story<M> story, Consumer<M> teardown) {
        Objects.requireNonNull(setup, "UnbindExplorer.of: setup is null; expected a supplier of a bound machine");
        Objects.requireNonNull(story, "UnbindExplorer.of: story is null; expected the user-space operations");
        Objects.requireNonNull(teardown, "UnbindExplorer.of: teardown is null; expected m -> { } at least");
        return new UnbindExplorer<>(setup, story, teardown);
    }

    /** Adds (or replaces) an action to inject at every checkpoint; at least one is needed to run. */
    public UnbindExplorer<M> withAction(Action action, Injection<M> injection) {
        Objects.requireNonNull(action, "withAction: action is null; expected one of UNBIND, CDEV_UNREGISTER, "
                + "DEVICE_REMOVAL_DURING_OPEN");
        Objects.requireNonNull(injection, "withAction: the injection for " + action + " is null");
        UnbindExplorer<M> copy = copy();
        Map<Action, Injection<M>> more = new EnumMap<>(Action.class);
        more.putAll(actions);
        more.put(action, injection);
        copy.actions = Collections.unmodifiableMap(more);
        return copy;
    }

    /** At most {@code schedules} schedules (default 2000); the rest are counted as not run. */
    public UnbindExplorer<M> withScheduleBudget(int schedules) {
        if (schedules < 1) {
            throw new IllegalArgumentException("withScheduleBudget(" + schedules + "): expected 1 or more schedules");
        }
        UnbindExplorer<M> copy = copy();
        copy.scheduleBudget = schedules;
        return copy;
    }

    /** Starts no new schedule after {@code budget} (default 2 minutes). */
    public UnbindExplorer<M> withTimeBudget(Duration budget) {
        UnbindExplorer<M> copy = copy();
        copy.timeBudget = positive("withTimeBudget", budget);
        return copy;
    }

    /**
     * How long a thread must stay waiting, without a step, to count as blocked (default 30 ms);
     * a schedule in which the action blocks costs at least this much.
     */
    public UnbindExplorer<M> withGrace(Duration grace) {
        UnbindExplorer<M> copy = copy();
        copy.grace = positive("withGrace", grace);
        return copy;
    }

    /** How long both threads must make no step, blocked, before a schedule is a hang (default 400 ms). */
    public UnbindExplorer<M> withHangTimeout(Duration timeout) {
        UnbindExplorer<M> copy = copy();
        copy.hangTimeout = positive("withHangTimeout", timeout);
        return copy;
    }

    /** The longest a schedule may take, story and action together; beyond it, a hang (default 10 s). */
    public UnbindExplorer<M> withScheduleTimeout(Duration timeout) {
        UnbindExplorer<M> copy = copy();
        copy.scheduleTimeout = positive("withScheduleTimeout", timeout);
        return copy;
    }

    /**
     * Runs only the schedule {@code id} (such as {@code UNBIND@7}, as a report names it), without
     * the recording run and the fence analysis; null explores everything. The system property
     * {@code devmsan.explore.replay} sets it for every explorer of the JVM.
     *
     * @throws IllegalArgumentException naming a malformed id and the accepted form
     */
    public UnbindExplorer<M> withReplay(String id) {
        if (id != null) {
            ScheduleId.parse(id);
        }
        UnbindExplorer<M> copy = copy();
        copy.replay = id;
        return copy;
    }

    /** Whether the recording run also runs the fence analysis (default true). */
    public UnbindExplorer<M> withFenceAnalysis(boolean on) {
        UnbindExplorer<M> copy = copy();
        copy.fenceAnalysis = on;
        return copy;
    }

    /** Where progress lines of long explorations go (default {@code System.err}). */
    public UnbindExplorer<M> withProgress(Consumer<String> sink) {
        UnbindExplorer<M> copy = copy();
        copy.progress = Objects.requireNonNull(sink, "withProgress: sink is null; expected line -> { } to drop them");
        return copy;
    }

    /** The name progress and summary lines show, such as the test's name. */
    public UnbindExplorer<M> withName(String name) {
        UnbindExplorer<M> copy = copy();
        copy.name = Objects.requireNonNull(name, "withName: name is null");
        return copy;
    }

    /**
     * Explores: one recording run (numbering the checkpoints, with the fence analysis), then
     * every schedule within the budgets. Findings are recorded through the runtime as they come.
     *
     * @throws IllegalStateException when the agent is not installed, no action was given, or the
     *     story does not finish on its own
     */
    public ExplorationResult run() {
        if (actions.isEmpty()) {
            throw new IllegalStateException("UnbindExplorer " + name + " has no action; add one with withAction(Action."
                    + "UNBIND, (machine, subject) -> ...)");
        }
        return new Explorer<>(this).run();
    }

    Map<Action, Injection<M>> actions() {
        return actions;
    }

    /** For the agent's own tests, which run the runtime without premain. */
    UnbindExplorer<M> withoutAgentCheck() {
        UnbindExplorer<M> copy = copy();
        copy.requireAgent = false;
        return copy;
    }

    private UnbindExplorer<M> copy() {
        UnbindExplorer<M> copy = new UnbindExplorer<>(setup, story, teardown);
        copy.actions = actions;
        copy.scheduleBudget = scheduleBudget;
        copy.timeBudget = timeBudget;
        copy.grace = grace;
        copy.hangTimeout = hangTimeout;
        copy.scheduleTimeout = scheduleTimeout;
        copy.replay = replay;
        copy.fenceAnalysis = fenceAnalysis;
        copy.progress = progress;
        copy.name = name;
        copy.requireAgent = requireAgent;
        return copy;
    }

    private static Duration positive(String method, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(method + "(" + value + "): expected a positive duration");
        }
        return value;
    }
}
