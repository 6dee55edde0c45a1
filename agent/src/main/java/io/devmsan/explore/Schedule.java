package io.devmsan.explore;

import io.devmsan.runtime.ExplorerHooks;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Plays one schedule: the story on a fresh thread until it reaches its checkpoint, the action on
 * another until it completes or blocks, then the story again, the action going first whenever it
 * can, until both finish. Classifies what happened: both finished, the story never reached the
 * checkpoint, or a hang (neither can move). Violations are judged by the caller.
 *
 * <p>A blocked thread is one that stays inside a fence method it entered (a blocking point), or in
 * a waiting state, for the grace period without any new step. A hung schedule's two threads cannot
 * be stopped in Java: they are daemon threads left parked, named after the schedule.
 */
final class Schedule {

    /**
     * How a schedule ended: both finished; the story never reached its checkpoint; a hang (the
     * action cannot finish, and the story cannot either or is done); or the story stuck after the
     * action finished, which is the story's own wait (a latch, a join), not a hang of the unbind.
     */
    enum End { FINISHED, NOT_REACHED, HANG, STORY_STUCK }

    private static final long POLL_NANOS = TimeUnit.MICROSECONDS.toNanos(500);

    private final Timing timing;

    Schedule(Timing timing) {
        this.timing = timing;
    }

    /** What a played schedule left behind; the session holds the interleaving. */
    static final class Played {
        End end;
        boolean actionBlocked;
        Throwable storyError;
        Throwable actionError;
        StackTraceElement[] storyStack;
        StackTraceElement[] actionStack;
        boolean storyFinished;
        boolean actionFinished;
        String thread;
    }

    /**
     * Plays {@code storyBody} on a new story thread with {@code session} armed, and {@code injection}
     * (given the subject the story stopped in) on a new action thread once the story stopped.
     */
    Played play(Session session, Body storyBody, InjectionCall injection, String name) {
        Played played = new Played();
        Thread story = new Thread(() -> played.storyError = run(storyBody), "devmsan-explore-story-" + name);
        story.setDaemon(true);
        session.story = story;
        session.storyRunning = true;
        ExplorerHooks.arm(session);
        try {
            story.start();
            long deadline = System.nanoTime() + timing.scheduleTimeoutNanos;
            while (!session.parked() && story.isAlive()) {
                if (System.nanoTime() - deadline > 0) {
                    played.end = End.HANG;
                    played.storyStack = story.getStackTrace();
                    return played;
                }
                LockSupport.parkNanos(POLL_NANOS);
            }
            if (!session.parked()) {
                played.end = End.NOT_REACHED;
                played.storyFinished = true;
                return played;
            }
            Object subject = session.subjectAtStop;
            Thread action = new Thread(() -> played.actionError = run(() -> injection.call(subject)),
                    "devmsan-explore-" + name);
            action.setDaemon(true);
            session.action = action;
            action.start();
            control(session, story, action, deadline, played);
            return played;
        } finally {
            session.storyRunning = false;
            ExplorerHooks.disarm();
        }
    }

    private void control(Session session, Thread story, Thread action, long deadline, Played played) {
        Watch actionWatch = new Watch();
        Watch storyWatch = new Watch();
        long lastEvents = -1;
        long lastStop = -1;
        long quietSince = System.nanoTime();
        while (true) {
            long now = System.nanoTime();
            long stops = session.stops();
            if (stops != lastStop) {
                // A new stop: the action may be waking up right now; it gets a full grace period.
                lastStop = stops;
                actionWatch = new Watch();
            }
            long events = session.events.get();
            if (events != lastEvents) {
                lastEvents = events;
                quietSince = now;
            }
            boolean storyDone = !story.isAlive();
            boolean actionDone = !action.isAlive();
            if (storyDone && actionDone) {
                played.end = End.FINISHED;
                played.storyFinished = true;
                played.actionFinished = true;
                return;
            }
            boolean actionBlocked = !actionDone
                    && actionWatch.blocked(action, session.actionWaitingIn != null, session.actionEvents.get(), now,
                            timing.graceNanos);
            boolean storyParked = !storyDone && session.parked();
            if (storyParked && (actionDone || actionBlocked)) {
                played.actionBlocked |= actionBlocked;
                session.resume(actionBlocked);
            } else if (now - deadline > 0) {
                stop(session, story, action, played);
                return;
            } else if (!storyParked && (actionDone || actionBlocked) && now - quietSince >= timing.hangNanos) {
                boolean storyStuck = storyDone || storyWatch.blocked(story, session.storyWaitingIn != null,
                        events, now, timing.graceNanos);
                if (storyStuck) {
                    stop(session, story, action, played);
                    return;
                }
            }
            LockSupport.parkNanos(POLL_NANOS);
        }
    }

    /** Neither side moves any more: a hang when the action is stuck, else the story's own wait. */
    private static void stop(Session session, Thread story, Thread action, Played played) {
        played.end = action.isAlive() ? End.HANG : End.STORY_STUCK;
        played.storyFinished = !story.isAlive();
        played.actionFinished = !action.isAlive();
        played.storyStack = story.getStackTrace();
        played.actionStack = action.getStackTrace();
        if (session.parked()) {
            // Never leave the story in our gate: whatever it waits for next is the program's.
            session.resume(false);
        }
    }

    /**
     * The recording run: the story alone on a new story thread with {@code session} armed, until
     * it finishes or the schedule timeout passes (then the story does not finish on its own).
     */
    Played playAlone(Session session, Body storyBody, String name) throws InterruptedException {
        Played played = new Played();
        Thread story = new Thread(() -> played.storyError = run(storyBody), "devmsan-explore-story-" + name);
        story.setDaemon(true);
        session.story = story;
        session.storyRunning = true;
        ExplorerHooks.arm(session);
        try {
            story.start();
            story.join(TimeUnit.NANOSECONDS.toMillis(timing.scheduleTimeoutNanos));
            played.storyFinished = !story.isAlive();
            played.end = played.storyFinished ? End.FINISHED : End.HANG;
            if (!played.storyFinished) {
                played.storyStack = story.getStackTrace();
            }
            return played;
        } finally {
            session.storyRunning = false;
            ExplorerHooks.disarm();
        }
    }

    private static Throwable run(Body body) {
        try {
            body.run();
            return null;
        } catch (Throwable failure) {
            return failure;
        }
    }

    /** The story's body on its thread. */
    @FunctionalInterface
    interface Body {
        void run() throws Exception;
    }

    /** The injection on the action thread, given the subject the story stopped in. */
    @FunctionalInterface
    interface InjectionCall {
        void call(Object subject) throws Exception;
    }

    /**
     * Whether a thread has been stuck for a while: no new step for the grace period and, when
     * looked at, waiting (a lock, a condition, a monitor). A thread that is runnable inside a fence
     * method it entered (a spin lock) counts after five grace periods, so that a thread merely
     * descheduled there is not taken for blocked. The waiting state is sampled, not required
     * throughout: the JDK's waits wake up and park again on their own.
     */
    private static final class Watch {
        private long since = -1;
        private long events = -1;

        boolean blocked(Thread thread, boolean inBlockingPoint, long eventCount, long now, long grace) {
            if (eventCount != events || since < 0) {
                events = eventCount;
                since = now;
                return false;
            }
            Thread.State state = thread.getState();
            boolean waiting = state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED;
            long quiet = now - since;
            return waiting ? quiet >= grace : inBlockingPoint && quiet >= 5 * grace;
        }
    }

    /** How long to wait for what. */
    static final class Timing {
        final long graceNanos;
        final long hangNanos;
        final long scheduleTimeoutNanos;

        Timing(long graceNanos, long hangNanos, long scheduleTimeoutNanos) {
            this.graceNanos = graceNanos;
            this.hangNanos = hangNanos;
            this.scheduleTimeoutNanos = scheduleTimeoutNanos;
        }
    }
}
