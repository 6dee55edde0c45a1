package io.devmsan.explore;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.FenceAnalysis;
import io.devmsan.runtime.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs an exploration: the recording run (checkpoints, fence analysis, the story's own violations),
 * the plan (each checkpoint before the story's own unbind, times each action), then the schedules
 * within the budgets, with a progress line for long ones and a summary line at the end.
 */
final class Explorer<M> {

    /** The explorer's and the fence analysis's own rules: never the cause of a failing schedule. */
    static final Set<String> OWN_RULES = Set.of("unbind-race", "unbind-hang", "unfenced-access");

    private static final AtomicInteger SERIAL = new AtomicInteger();
    private static final long PROGRESS_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final UnbindExplorer<M> config;
    private final Schedule schedule;
    private final Judge<M> judge;

    Explorer(UnbindExplorer<M> config) {
        this.config = config;
        this.schedule = new Schedule(new Schedule.Timing(config.grace.toNanos(), config.hangTimeout.toNanos(),
                config.scheduleTimeout.toNanos()));
        this.judge = new Judge<>(config);
    }

    ExplorationResult run() {
        if (config.requireAgent && !Devmsan.isInstalled()) {
            throw new IllegalStateException("UnbindExplorer " + config.name + ": the devmsan agent is not installed, "
                    + "so no checkpoint can be seen; run with -javaagent:<path>/devmsan-agent.jar");
        }
        long start = System.nanoTime();
        List<Checkpoint> checkpoints = List.of();
        List<Violation> storyViolations = List.of();
        List<Violation> unfenced = List.of();
        List<ScheduleId> plan;
        if (config.replay != null && !config.replay.isBlank()) {
            plan = List.of(ScheduleId.parse(config.replay));
        } else {
            Session recording = new Session(0, true, "analysis");
            List<Violation> found = record(recording);
            judge.baseline(found);
            checkpoints = recording.recorded;
            storyViolations = found.stream().filter(v -> !OWN_RULES.contains(v.rule())).toList();
            unfenced = found.stream().filter(v -> v.rule().equals("unfenced-access")).toList();
            plan = plan(checkpoints, recording.horizon, recording.redundant);
        }
        List<FailingSchedule> failing = new ArrayList<>();
        Map<Action, Integer> perAction = new EnumMap<>(Action.class);
        int run = 0;
        int blocked = 0;
        int notReached = 0;
        int stuck = 0;
        String budgetNote = null;
        long nextProgress = start + PROGRESS_NANOS;
        for (ScheduleId id : plan) {
            if (run >= config.scheduleBudget) {
                budgetNote = "schedule budget of " + config.scheduleBudget + " reached; " + (plan.size() - run) + " not run";
                break;
            }
            if (System.nanoTime() - start > config.timeBudget.toNanos()) {
                budgetNote = "time budget of " + config.timeBudget.toSeconds() + "s reached; " + (plan.size() - run)
                        + " not run";
                break;
            }
            Judge.Verdict verdict = playOne(id);
            run++;
            perAction.merge(id.action(), 1, Integer::sum);
            blocked += verdict.actionBlocked ? 1 : 0;
            notReached += verdict.notReached ? 1 : 0;
            stuck += verdict.storyStuck ? 1 : 0;
            if (verdict.failing != null) {
                failing.add(verdict.failing);
            }
            long now = System.nanoTime();
            if (now - nextProgress > 0) {
                nextProgress = now + PROGRESS_NANOS;
                config.progress.accept("devmsan explore " + config.name + ": " + run + "/" + plan.size() + " schedules, "
                        + failing.size() + " failing, " + TimeUnit.NANOSECONDS.toMillis(now - start) / 1000.0 + "s");
            }
        }
        ExplorationResult result = new ExplorationResult(config.name, checkpoints, plan.size(), run, perAction, blocked,
                notReached, stuck, failing, storyViolations, unfenced, Duration.ofNanos(System.nanoTime() - start), budgetNote);
        config.progress.accept(result.summary());
        return result;
    }

    /**
     * The recording run: the story alone with every checkpoint described, the fence analysis on;
     * then, for the analysis, the unbind action once the story is done. Returns what was recorded.
     */
    private List<Violation> record(Session session) {
        M machine = setup("the recording run");
        Devmsan.Snapshot before = Devmsan.snapshot();
        // On for the whole JVM (-Ddevmsan.fenceAnalysis=on) it stays on; else only for this run.
        boolean analysing = config.fenceAnalysis && !FenceAnalysis.isOn();
        if (analysing) {
            FenceAnalysis.start();
        }
        try {
            Schedule.Played played = schedule.playAlone(session, () -> config.story.play(machine),
                    "record-" + SERIAL.incrementAndGet());
            if (!played.storyFinished) {
                throw new IllegalStateException("UnbindExplorer " + config.name + ": the story did not finish within "
                        + config.scheduleTimeout.toSeconds() + "s with nothing injected; it is stuck at "
                        + Frames.describe(played.storyStack));
            }
            if (config.fenceAnalysis) {
                // The fence analysis judges accesses when their scope ends: after the story, end every
                // scope the actions can, the device's bind, then the module's image.
                for (Action ending : List.of(Action.UNBIND, Action.MODULE_UNLOAD)) {
                    Injection<M> injection = config.actions().get(ending);
                    if (injection != null) {
                        judge.runAlone(injection, machine, session.lastSubject(),
                                "analysis-" + ending.id() + "-" + SERIAL.incrementAndGet());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("UnbindExplorer " + config.name + " was interrupted", e);
        } finally {
            if (analysing) {
                FenceAnalysis.stop();
            }
        }
        judge.teardown(machine);
        return Devmsan.since(before);
    }

    /**
     * Each checkpoint before the story's own unbind, times each action that applies there, except
     * those where stopping leaves the same state as at another one.
     */
    private List<ScheduleId> plan(List<Checkpoint> checkpoints, int horizon, Set<Integer> redundant) {
        int limit = horizon >= 0 ? Math.min(horizon, checkpoints.size()) : checkpoints.size();
        List<ScheduleId> plan = new ArrayList<>();
        for (Checkpoint checkpoint : checkpoints.subList(0, limit)) {
            for (Action action : config.actions().keySet()) {
                if (redundant.contains(checkpoint.index())
                        || action == Action.DEVICE_REMOVAL_DURING_OPEN && !"open".equals(checkpoint.operation())) {
                    continue;
                }
                plan.add(new ScheduleId(action, checkpoint.index()));
            }
        }
        return plan;
    }

    private Judge.Verdict playOne(ScheduleId id) {
        M machine = setup("schedule " + id);
        Devmsan.Snapshot before = Devmsan.snapshot();
        Session session = new Session(id.checkpoint(), false, id.action().id());
        Injection<M> injection = config.actions().get(id.action());
        if (injection == null) {
            throw new IllegalArgumentException("replay " + id + ": this explorer has no " + id.action()
                    + " action; accepted: " + config.actions().keySet());
        }
        Schedule.Played played = schedule.play(session, () -> config.story.play(machine),
                subject -> injection.inject(machine, subject), id + "-" + SERIAL.incrementAndGet());
        if (played.end == Schedule.End.FINISHED || played.end == Schedule.End.NOT_REACHED) {
            judge.teardown(machine);
        }
        return judge.judge(id, session, played, Devmsan.since(before));
    }

    private M setup(String what) {
        try {
            return config.setup.get();
        } catch (RuntimeException | Error e) {
            throw new IllegalStateException("UnbindExplorer " + config.name + ": setup failed for " + what + ": " + e, e);
        }
    }
}
