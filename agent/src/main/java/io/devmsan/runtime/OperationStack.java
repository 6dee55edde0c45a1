package io.devmsan.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.lang.ref.WeakReference;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * One thread's file operations and entry points in progress, innermost last. Preallocated so
 * that entering and leaving an operation allocates nothing and looks nothing up; files are only
 * looked up when something is reported or an unbind scans for operations in flight.
 *
 * <p>Pushed and popped only by its thread, on every file operation: a push is a few plain stores
 * and one release store, a pop one release store. Read by unbinding threads, which mark exactly
 * the operation they saw even if it ends and another takes its slot meanwhile: each slot is one
 * packed {@code long} (a sequence number, the type and the site), 0 while the slot is free or
 * being refilled, so a scanner reads it, then the subject, then the slot again (a seqlock).
 */
final class OperationStack {

    static final int CAPACITY = 32;

    static final byte FILE_OPERATION = 1;
    static final byte ENTRY_POINT = 2;

    /** Release stores by the owner, acquire loads by scanners: on x86 both are plain moves. */
    private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(long[].class);

    private static final long SITE_MASK = 0x7FFF_FFFFL;
    private static final int ENTRY_POINT_BIT = 31;

    final WeakReference<Thread> thread;

    /** The state of the thread that owns this stack. */
    final ThreadState state;

    /**
     * Not cleared when an operation ends: storing a reference costs G1 a card check and a
     * StoreLoad fence, so a subject is stored only when it differs from the slot's previous one.
     * A slot thus keeps its last subject until it is reused or the thread dies: at most
     * {@link #CAPACITY} objects per thread.
     */
    private final Object[] subjects = new Object[CAPACITY];

    /** Per slot: {@code sequence << 32 | type bit << 31 | site}, or 0 when the slot holds no operation. */
    private final long[] slots = new long[CAPACITY];

    /**
     * Per slot: the packed value of the operation an unbinding thread saw in flight. Never reset:
     * packed values hold a sequence number, so a mark left by an earlier operation does not match.
     */
    private final AtomicLongArray crossedUnbind = new AtomicLongArray(CAPACITY);

    /** Odd, so never 0; wraps after 2^31 operations, far more than a scan can straddle. */
    private int nextSequence = -1;

    /** May exceed CAPACITY: deeper operations are counted but not recorded. Owner only. */
    private int depth;

    OperationStack(Thread thread, ThreadState state) {
        this.thread = new WeakReference<>(thread);
        this.state = state;
    }

    /** The current thread's stack. */
    static OperationStack current() {
        return ThreadState.currentOperations();
    }

    /** Small enough to be inlined anywhere. */
    void push(byte type, Object subject, int site) {
        int d = depth;
        if (d < CAPACITY) {
            fill(d, type, subject, site);
        }
        depth = d + 1;
    }

    private void fill(int d, byte type, Object subject, int site) {
        // The slot was zeroed when it was last popped: keep that store before these.
        VarHandle.storeStoreFence();
        if (subjects[d] != subject) {
            subjects[d] = subject;
        }
        int sequence = nextSequence += 2;
        long packed = (long) sequence << 32 | (long) (type - FILE_OPERATION) << ENTRY_POINT_BIT | (site & SITE_MASK);
        // A scanner that reads this value sees the subject stored above.
        SLOT.setRelease(slots, d, packed);
    }

    /**
     * Enters an operation: pushes it on the current thread's stack and returns the stack, which
     * {@link #leave} gets back, or returns null when the operation is not tracked (see
     * {@link OperationTracking}). Small enough to be inlined at every operation.
     */
    static OperationStack enter(byte type, Object subject, int site) {
        OperationTracking.Solo solo = OperationTracking.solo(); // a constant in C2
        OperationStack operations;
        if (Thread.currentThread() == solo.thread()) {
            if (!solo.tracked()) {
                return null;
            }
            operations = solo.operations();
        } else {
            if (OperationTracking.othersSkip()) {
                return null;
            }
            operations = current();
        }
        operations.push(type, subject, site);
        return operations;
    }

    /**
     * Leaves the innermost operation; {@code operations} is what entering returned, null when
     * entering failed, and then there is nothing to leave.
     */
    static void leave(Object operations) {
        if (operations instanceof OperationStack) {
            ((OperationStack) operations).pop();
        }
    }

    void pop() {
        int d = depth;
        if (d > 0) { // else an unbalanced exit: nothing to undo
            if (d <= CAPACITY) {
                SLOT.setRelease(slots, d - 1, 0L);
            }
            depth = d - 1;
        }
    }

    /** The index of the innermost slot of {@code type}, or -1. For the owning thread. */
    int innermost(byte type) {
        for (int i = Math.min(depth, CAPACITY) - 1; i >= 0; i--) {
            if (slots[i] != 0 && type(slots[i]) == type) {
                return i;
            }
        }
        return -1;
    }

    Object subject(int slot) {
        return subjects[slot];
    }

    int site(int slot) {
        return site(slots[slot]);
    }

    /** For the owning thread: whether the operation in {@code slot} was running when an unbind completed. */
    boolean crossedUnbind(int slot) {
        long packed = slots[slot];
        return packed != 0 && crossedUnbind.get(slot) == packed;
    }

    /** Calls {@code visitor} for each operation in flight, from another thread. */
    void scan(Visitor visitor) {
        // Every slot, not only those under the owner's depth, which is not published: a free
        // slot reads 0.
        for (int i = 0; i < CAPACITY; i++) {
            long packed = (long) SLOT.getAcquire(slots, i);
            if (packed == 0) {
                continue;
            }
            Object subject = subjects[i];
            // Still the same operation? Otherwise the subject may belong to the next one.
            VarHandle.loadLoadFence();
            if (subject == null || (long) SLOT.getAcquire(slots, i) != packed) {
                continue;
            }
            if (visitor.visit(type(packed), subject, site(packed))) {
                crossedUnbind.set(i, packed);
            }
        }
    }

    private static byte type(long packed) {
        return (packed >>> ENTRY_POINT_BIT & 1) == 0 ? FILE_OPERATION : ENTRY_POINT;
    }

    private static int site(long packed) {
        return (int) (packed & SITE_MASK);
    }

    /** Sees one in-flight operation; returns true to mark it as crossing the unbind. */
    interface Visitor {
        boolean visit(byte type, Object subject, int site);
    }
}
