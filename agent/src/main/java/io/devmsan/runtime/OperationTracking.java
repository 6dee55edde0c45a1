package io.devmsan.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MutableCallSite;

/**
 * Decides when file operations and entry points are tracked, i.e. pushed on their thread's
 * {@link OperationStack}. Tracking costs every operation a push and a pop, and on any thread but
 * the solo one (below) a thread-local look-up (docs/performance.md), and it only matters once
 * something can happen to an operation while it runs or after its device is gone: a lifetime
 * ends, or a second thread uses the driver model. Until then one thread, the <em>solo</em>
 * thread, has done everything, and its operations run untracked at the cost of one compare of
 * the current thread with a constant ({@link #SOLO}).
 *
 * <p>Tracking begins for good, before the event that triggers it takes effect:
 * <ul>
 * <li>at the first unbind, cdev removal, free or failed probe (anything that kills a token);
 * <li>at the first lifecycle point or operation on a thread other than the solo thread;
 * <li>when the explorer or the fence analysis arms, or full provenance is on.
 * </ul>
 * Operations the solo thread entered before that are not on its stack; a report raised inside
 * one finds it on the call stack instead ({@link UntrackedOperations}). Like biased locking: the
 * uncontended case is free, and the first contention revokes the bias; the solo thread keeps
 * finding its stack without a look-up after that.
 */
final class OperationTracking {

    /**
     * The solo thread, its operation stack, and whether its operations are tracked yet. A record,
     * so that C2 trusts its fields as constants once the record itself is one.
     */
    record Solo(Thread thread, OperationStack operations, boolean tracked) {
    }

    private static final Solo NOBODY = new Solo(null, null, false);

    /**
     * The current {@link Solo}, as the target of a call site, so that C2 compiles it into the
     * operation hooks as a constant: on the solo thread the gate becomes a compare of the current
     * thread with an immediate, which C2 hoists out of a loop of operations, and then either nothing
     * (untracked) or a push on a stack whose address is a constant too, with no thread-local
     * look-up (tracked). A volatile static (until the fifth round of docs/performance.md) was one
     * load per operation that no loop could hoist, and a tracked operation looked its stack up.
     *
     * <p>Still exact: the target changes at most twice per run (a thread is claimed, tracking
     * begins), and {@link #publish} changes it with {@code setTarget}, which returns only after the
     * JVM has invalidated every compiled method that folded the old value, including frames
     * running a loop at that moment, while interpreted and C1 code read the target at each call.
     * So an operation entered after tracking began is tracked, as the volatile guaranteed.
     * Unlike an invokedynamic at every access (rejected in design.md), no program class changes
     * and nothing flips back and forth. The solo thread's stack stays reachable from here after
     * the thread ends: one stack, empty by then.
     */
    private static final MutableCallSite SOLO = new MutableCallSite(MethodHandles.constant(Solo.class, NOBODY));

    private static final Object LOCK = new Object();

    private OperationTracking() {
    }

    /** Whether operations are tracked on every thread. */
    static boolean on() {
        return solo().tracked();
    }

    /**
     * At the entry of an operation on a thread that is not the solo one: whether it runs
     * untracked, which it does only when this call claims the thread as the solo one.
     */
    static boolean othersSkip() {
        if (on()) {
            return false;
        }
        seen();
        return !on();
    }

    /** At a lifecycle point that cannot end a lifetime: a second thread begins tracking. */
    static void seen() {
        Thread thread = Thread.currentThread();
        Solo solo = solo();
        if (solo.tracked || thread == solo.thread) {
            return;
        }
        synchronized (LOCK) {
            solo = solo();
            if (solo.tracked) {
                return;
            }
            if (solo.thread == null) {
                publish(new Solo(thread, OperationStack.current(), false));
            } else if (thread != solo.thread) {
                begin();
            }
        }
    }

    /** Tracking begins now, on every thread, for the rest of the run. */
    static void begin() {
        if (on()) {
            return;
        }
        synchronized (LOCK) {
            // Before the event that called this takes effect: an operation the solo thread enters
            // from now on is tracked, so the only untracked ones are those already running,
            // outermost on its stack.
            Solo solo = solo();
            if (!solo.tracked) {
                publish(new Solo(solo.thread, solo.operations, true));
            }
        }
    }

    /**
     * Whether {@code thread} may be running operations that are not on its stack: only the solo
     * thread, and only those it entered before tracking began.
     */
    static boolean mayHaveUntracked(Thread thread) {
        return thread != null && thread == solo().thread;
    }

    /** For tests: back to the start, untracked with no solo thread yet. */
    static void reset() {
        synchronized (LOCK) {
            if (solo() != NOBODY) {
                publish(NOBODY);
            }
        }
    }

    /**
     * The current {@link Solo}: see {@link #SOLO}. C2 folds the target of a constant call site
     * into a constant and inlines invoking it into the record. Through {@code getTarget()} rather
     * than {@code dynamicInvoker()}: the same in C2, and C1, which inlines neither, makes one call
     * through the handle instead of a chain of them (an untracked operation under C1 alone costs
     * about 14 ns this way, 34 ns the other).
     */
    static Solo solo() {
        try {
            return (Solo) SOLO.getTarget().invokeExact();
        } catch (Throwable cannotHappen) { // a constant method handle throws nothing
            return NOBODY;
        }
    }

    /** Under LOCK. Returns once no compiled code can still use the old value. */
    private static void publish(Solo solo) {
        SOLO.setTarget(MethodHandles.constant(Solo.class, solo));
        MutableCallSite.syncAll(new MutableCallSite[] {SOLO});
    }
}
