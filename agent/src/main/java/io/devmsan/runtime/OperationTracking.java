package io.devmsan.runtime;

/**
 * Decides when file operations and entry points are tracked, i.e. pushed on their thread's
 * {@link OperationStack}. Tracking costs every operation a thread-local look-up and a push and a
 * pop (8-12 ns, see docs/performance.md), and it only matters once something can happen to an
 * operation while it runs or after its device is gone: a lifetime ends, or a second thread uses
 * the driver model. Until then one thread, the <em>solo</em> thread, has done everything, and
 * its operations run untracked at the cost of one compare against {@link #untracked}.
 *
 * <p>Tracking begins for good, before the event that triggers it takes effect:
 * <ul>
 * <li>at the first unbind, cdev removal, free or failed probe (anything that kills a token);
 * <li>at the first lifecycle point or operation on a thread other than the solo thread;
 * <li>when the explorer or the fence analysis arms, or full provenance is on.
 * </ul>
 * Operations the solo thread entered before that are not on its stack; a report raised inside
 * one finds it on the call stack instead ({@link UntrackedOperations}). Like biased locking: the
 * uncontended case is free, and the first contention revokes the bias.
 */
final class OperationTracking {

    /**
     * The one thread whose operations are not tracked, or null. Volatile so that a compiled loop
     * of operations re-reads it and starts tracking as soon as tracking begins: an x86 load.
     */
    private static volatile Thread untracked;

    private static volatile boolean on;

    /** The thread that ran untracked; kept after tracking begins, for {@link #mayHaveUntracked}. */
    private static volatile Thread solo;

    private static final Object LOCK = new Object();

    private OperationTracking() {
    }

    /** Whether operations are tracked on every thread. */
    static boolean on() {
        return on;
    }

    /**
     * At the entry of an operation: whether it runs untracked. Small enough to inline: on the solo
     * thread one compare; elsewhere the first call claims the thread when no thread has used the
     * model yet.
     */
    static boolean skips() {
        if (Thread.currentThread() == untracked) {
            return true;
        }
        if (on) {
            return false;
        }
        seen();
        return !on;
    }

    /** At a lifecycle point that cannot end a lifetime: a second thread begins tracking. */
    static void seen() {
        if (on) {
            return;
        }
        Thread thread = Thread.currentThread();
        if (thread == untracked) {
            return;
        }
        synchronized (LOCK) {
            if (on) {
                return;
            }
            if (solo == null) {
                solo = thread;
                untracked = thread;
            } else if (thread != solo) {
                begin();
            }
        }
    }

    /** Tracking begins now, on every thread, for the rest of the run. */
    static void begin() {
        if (on) {
            return;
        }
        synchronized (LOCK) {
            // Stop exempting the solo thread first: an operation it enters after this store is
            // tracked, so the only untracked ones are those already running, outermost on its stack.
            untracked = null;
            on = true;
        }
    }

    /**
     * Whether {@code thread} may be running operations that are not on its stack: only the solo
     * thread, and only those it entered before tracking began.
     */
    static boolean mayHaveUntracked(Thread thread) {
        return thread == solo;
    }

    /** For tests: back to the start, untracked with no solo thread yet. */
    static void reset() {
        synchronized (LOCK) {
            untracked = null;
            solo = null;
            on = false;
        }
    }
}
