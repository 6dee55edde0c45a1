package io.devmsan.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;

/**
 * Decides when file operations and entry points are tracked, i.e. pushed on their thread's
 * {@link OperationStack}. Tracking costs every operation a thread-local look-up and a push and a
 * pop (6-10 ns, see docs/performance.md), and it only matters once something can happen to an
 * operation while it runs or after its device is gone: a lifetime ends, or a second thread uses
 * the driver model. Until then one thread, the <em>solo</em> thread, has done everything, and
 * its operations run untracked at the cost of one compare of the current thread with a constant
 * ({@link #UNTRACKED}).
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
     * The one thread whose operations are not tracked, or null, as the target of a call site, so
     * that C2 compiles it into the gate as a constant: the gate becomes a compare of the current
     * thread with an immediate, which C2 hoists out of a loop of operations. A volatile static
     * (until the fifth round of docs/performance.md) was one load per operation that no loop could
     * hoist.
     *
     * <p>Still exact: the value changes at most twice per run (a thread is claimed, tracking
     * begins), and {@link #publish} changes it with {@code setTarget}, which returns only after the
     * JVM has invalidated every compiled method that folded the old value, including frames
     * running a loop at that moment, while interpreted and C1 code read the target at each call.
     * So an operation entered after tracking began is tracked, as the volatile guaranteed.
     * Unlike an invokedynamic at every access (rejected in design.md), no program class changes
     * and nothing flips back and forth.
     */
    private static final MutableCallSite UNTRACKED = new MutableCallSite(MethodHandles.constant(Thread.class, null));

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
        if (Thread.currentThread() == untracked()) {
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
        if (thread == untracked()) {
            return;
        }
        synchronized (LOCK) {
            if (on) {
                return;
            }
            if (solo == null) {
                solo = thread;
                publish(thread);
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
            // Stop exempting the solo thread first: an operation it enters after this is tracked,
            // so the only untracked ones are those already running, outermost on its stack.
            publish(null);
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
            publish(null);
            solo = null;
            on = false;
        }
    }

    /**
     * The thread whose operations are not tracked, or null: see {@link #UNTRACKED}. C2 folds the
     * target of a constant call site into a constant and inlines invoking it into that thread.
     * Through {@code getTarget()} rather than {@code dynamicInvoker()}: the same in C2, and C1,
     * which inlines neither, makes one call through the handle instead of a chain of them
     * (an untracked operation under C1 alone costs about 14 ns this way, 34 ns the other).
     */
    private static Thread untracked() {
        try {
            return (Thread) UNTRACKED.getTarget().invokeExact();
        } catch (Throwable cannotHappen) { // a constant method handle throws nothing
            return null;
        }
    }

    /** Under LOCK. Returns once no compiled code can still use the old thread. */
    private static void publish(Thread thread) {
        if (untracked() != thread) {
            UNTRACKED.setTarget(MethodHandles.constant(Thread.class, thread));
            MutableCallSite.syncAll(new MutableCallSite[] {UNTRACKED});
        }
    }
}
