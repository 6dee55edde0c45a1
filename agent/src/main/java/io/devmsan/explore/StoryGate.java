package io.devmsan.explore;

/**
 * Where the story thread waits while the action runs: it parks here at a checkpoint, and the
 * schedule's controller lets it go. Remembers how far the action had got when the story was let go,
 * so that the story knows when to stop again.
 */
final class StoryGate {

    private boolean parked;
    private long resumes;
    private long stops;
    /** The action's event count when the story was last let go with the action blocked; -1: never stop again. */
    private volatile long actionEventsAtResume = -1;

    /** Called by the story thread: waits until {@link #resume} (interrupts are kept, not obeyed). */
    void park() {
        synchronized (this) {
            stops++;
            parked = true;
            notifyAll();
            long generation = resumes;
            boolean interrupted = false;
            while (resumes == generation) {
                try {
                    wait();
                } catch (InterruptedException e) {
                    interrupted = true;
                }
            }
            parked = false;
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Lets the story go; {@code actionEvents} is the action's progress then, or -1 when it is done. */
    synchronized void resume(long actionEvents) {
        actionEventsAtResume = actionEvents;
        resumes++;
        notifyAll();
    }

    /** True while the story waits here. */
    synchronized boolean parked() {
        return parked;
    }

    /** How many times the story stopped so far. */
    synchronized long stops() {
        return stops;
    }

    /** See {@link #resume}: -1 once the action is done (or before it started). */
    long actionEventsAtResume() {
        return actionEventsAtResume;
    }
}
