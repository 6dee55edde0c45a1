package io.devmsan.explore;

import io.devmsan.runtime.ExplorerHooks;
import io.devmsan.runtime.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Decides what a played schedule means and records it: a violation during it makes an
 * {@code unbind-race} (the offending access is the first one the interleaving shows), neither side
 * finishing makes an {@code unbind-hang} with both stacks; anything else is clean. Also runs the
 * teardown and the analysis unbind, whose failures are noted, never thrown.
 */
final class Judge<M> {

    private final UnbindExplorer<M> config;
    private final java.util.Set<String> baseline = new java.util.HashSet<>();

    Judge(UnbindExplorer<M> config) {
        this.config = config;
    }

    /** What one schedule contributed to the result. */
    static final class Verdict {
        boolean actionBlocked;
        boolean notReached;
        boolean storyStuck;
        FailingSchedule failing;
    }

    Verdict judge(ScheduleId id, Session session, Schedule.Played played, List<Violation> since) {
        Verdict verdict = new Verdict();
        verdict.actionBlocked = played.actionBlocked;
        if (played.end == Schedule.End.NOT_REACHED) {
            verdict.notReached = true;
            return verdict;
        }
        if (played.end == Schedule.End.STORY_STUCK) {
            // The action finished: whatever the story waits for is its own (a latch, a join).
            verdict.storyStuck = true;
            config.progress.accept("devmsan explore " + config.name + ": in schedule " + id + " the story did not "
                    + "finish after the action did; it waits at " + Frames.describe(played.storyStack));
            return verdict;
        }
        Checkpoint checkpoint = session.stoppedAt != null ? session.stoppedAt
                : new Checkpoint(id.checkpoint(), Checkpoint.Kind.ENTRY, "not reached", "unknown", null);
        if (played.end == Schedule.End.HANG) {
            verdict.failing = hang(id, checkpoint, session, played);
            return verdict;
        }
        List<Violation> found = new ArrayList<>();
        for (Violation violation : since) {
            if (!Explorer.OWN_RULES.contains(violation.rule())) {
                found.add(violation);
            }
        }
        DeadAccess offending = offending(session);
        if (offending != null) {
            verdict.failing = violation(id, checkpoint, session, played, found, offending);
        }
        return verdict;
    }

    /**
     * Remembers what the recording run (the story alone, then its unbind) violated: the action's
     * own code violating there again is not the interleaving's doing.
     */
    void baseline(List<Violation> recorded) {
        for (Violation violation : recorded) {
            baseline.add(place(violation.accessClass(), violation.accessMethod(), violation.accessLine()));
        }
    }

    /**
     * The access that makes the schedule fail: the first one on released state made by the driver
     * for user space (inside an entry point, on any thread but the action's), else the first one the
     * action made that the recording run did not. A story's own look at driver state outside the
     * driver's entry points is the test's business, not the driver's.
     */
    private DeadAccess offending(Session session) {
        synchronized (session.deadAccesses) {
            for (DeadAccess access : session.deadAccesses) {
                if (!access.action() && access.inEntry()) {
                    return access;
                }
            }
            for (DeadAccess access : session.deadAccesses) {
                ExplorerHooks.SiteInfo site = ExplorerHooks.site(access.site());
                if (access.action() && !baseline.contains(place(site.className(), site.methodName(), site.line()))) {
                    return access;
                }
            }
            return null;
        }
    }

    private static String place(String className, String method, int line) {
        return className + "." + method + ":" + line;
    }

    private FailingSchedule violation(ScheduleId id, Checkpoint checkpoint, Session session, Schedule.Played played,
            List<Violation> found, DeadAccess dead) {
        // The violation recorded for the offending place may carry an earlier occurrence's details:
        // the thread and stack are this schedule's.
        // Matched without the line: a fingerprint leaves it out, so the violation recorded for this
        // access may be an earlier occurrence on another line of the same method.
        ExplorerHooks.SiteInfo site = ExplorerHooks.site(dead.site());
        Violation offending = null;
        for (Violation candidate : found) {
            if (candidate.accessClass().equals(site.className()) && candidate.accessMethod().equals(site.methodName())
                    && candidate.resource().equals(site.resource())) {
                offending = candidate;
                break;
            }
        }
        if (offending == null) {
            // Recorded by another thread's report a moment ago, or the recorder is full: the first one.
            offending = found.isEmpty() ? null : found.get(0);
        }
        if (offending == null) {
            return null;
        }
        if (dead.row() != null) {
            session.trace.mark(dead.row(), offending.rule());
        }
        String thread = dead.thread();
        List<String> stack = dead.stack();
        List<Violation> ordered = new ArrayList<>(found);
        ordered.remove(offending);
        ordered.add(0, offending);
        String explanation = "schedule " + id + ": the story stopped at checkpoint " + checkpoint + "; " + id.action()
                + " ran on thread devmsan-explore-" + id + (played.actionBlocked
                        ? ", blocked by a fence until the story let it go" : " to completion")
                + "; then " + offending.rule() + " of " + offending.resource() + "; replay with -D"
                + ScheduleId.REPLAY_PROPERTY + "=" + id;
        Violation finding = ExplorerHooks.recordRace(offending, dead.site(), thread, stack, explanation,
                session.trace.steps());
        StringBuilder details = new StringBuilder();
        for (Violation violation : ordered) {
            details.append("  ").append(violation.rule()).append(' ').append(violation.accessKind()).append(' ')
                    .append(violation.resource()).append(" at ").append(violation.accessClass()).append('.')
                    .append(violation.accessMethod()).append('(').append(violation.accessFile()).append(':')
                    .append(violation.accessLine()).append(")\n");
        }
        details.append("  offending access on thread ").append(thread).append(":\n");
        stack.forEach(frame -> details.append("    ").append(frame).append('\n'));
        notes(details, played);
        return new FailingSchedule(id, checkpoint, false, ordered, finding, session.trace.table(), details.toString());
    }

    private FailingSchedule hang(ScheduleId id, Checkpoint checkpoint, Session session, Schedule.Played played) {
        boolean storyStuck = !played.storyFinished;
        StackTraceElement[] storyStack = played.storyStack == null ? new StackTraceElement[0] : played.storyStack;
        StackTraceElement[] actionStack = played.actionStack == null ? new StackTraceElement[0] : played.actionStack;
        ExplorerHooks.SiteInfo storyWait = session.storyWaitingIn;
        ExplorerHooks.SiteInfo actionWait = session.actionWaitingIn;
        StackTraceElement blockedAt = storyStuck ? Frames.blockedAt(storyStack, storyWait)
                : Frames.blockedAt(actionStack, actionWait);
        ExplorerHooks.SiteInfo waitingIn = storyStuck ? storyWait : actionWait;
        String blockedOn = waitingIn != null ? waitingIn.className() + "#" + waitingIn.methodName() + "()"
                : "a wait outside the fence methods";
        if (storyStuck) {
            session.trace.markLast(Session.STORY, "blocked");
        }
        if (!played.actionFinished) {
            session.trace.markLast(id.action().id(), "blocked");
        }
        String device = session.actionDevice != null ? session.actionDevice : ExplorerHooks.name(session.subjectAtStop);
        String explanation = "schedule " + id + ": the story stopped at checkpoint " + checkpoint + "; " + id.action()
                + (played.actionFinished ? " finished" : " blocked")
                + (storyStuck ? ", and the story, let go, blocked at " + blockedAt + " in " + blockedOn
                        : "; the story finished but the action never did")
                + ": neither can progress; replay with -D" + ScheduleId.REPLAY_PROPERTY + "=" + id;
        String storyThread = "devmsan-explore-story-" + id;
        String actionThread = "devmsan-explore-" + id;
        Violation finding = ExplorerHooks.recordHang(device, blockedAt, blockedOn, storyThread,
                Frames.describe(storyStack), actionThread, Frames.describe(actionStack), explanation,
                session.trace.steps());
        StringBuilder details = new StringBuilder();
        details.append("  story thread ").append(storyStuck ? "(blocked)" : "(finished)").append(":\n");
        Frames.describe(storyStack).forEach(frame -> details.append("    ").append(frame).append('\n'));
        details.append("  ").append(id.action()).append(" thread ")
                .append(played.actionFinished ? "(finished)" : "(blocked)").append(":\n");
        Frames.describe(actionStack).forEach(frame -> details.append("    ").append(frame).append('\n'));
        details.append("  both threads stay parked: Java cannot stop them; the machine is not torn down\n");
        return new FailingSchedule(id, checkpoint, true, List.of(), finding, session.trace.table(), details.toString());
    }

    private static void notes(StringBuilder details, Schedule.Played played) {
        if (played.storyError != null) {
            details.append("  the story ended with ").append(played.storyError).append('\n');
        }
        if (played.actionError != null) {
            details.append("  the action ended with ").append(played.actionError).append('\n');
        }
    }

    /** Runs {@code injection} once on its own thread (the analysis's unbind or unload); a failure is noted. */
    void runAlone(Injection<M> injection, M machine, Object subject, String name) throws InterruptedException {
        Throwable[] failure = new Throwable[1];
        Thread thread = new Thread(() -> {
            try {
                injection.inject(machine, subject);
            } catch (Throwable t) {
                failure[0] = t;
            }
        }, "devmsan-explore-" + name);
        thread.setDaemon(true);
        thread.start();
        thread.join(TimeUnit.NANOSECONDS.toMillis(config.scheduleTimeout.toNanos()));
        if (thread.isAlive()) {
            config.progress.accept("devmsan explore " + config.name + ": " + name + " after the story did not finish in "
                    + config.scheduleTimeout.toSeconds() + "s; the fence analysis judged nothing; stuck at "
                    + Frames.describe(thread.getStackTrace()));
        } else if (failure[0] != null) {
            config.progress.accept("devmsan explore " + config.name + ": " + name + " after the story failed: " + failure[0]);
        }
    }

    /** Tears a machine down; a failure is noted, the exploration goes on. */
    void teardown(M machine) {
        try {
            config.teardown.accept(machine);
        } catch (Throwable t) {
            config.progress.accept("devmsan explore " + config.name + ": teardown failed: " + t);
        }
    }
}
