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
 * <p>Pushed and popped only by its thread; read by unbinding threads. A slot's sequence number
 * lets a scanner mark exactly the operation it saw, even if that operation ends and another
 * takes its slot meanwhile. The subject is referenced only while its operation runs, when its
 * caller holds it anyway.
 */
final class OperationStack {

    static final int CAPACITY = 32;

    /**
     * The owner writes {@link #depth} with release stores and reads it plainly; scanners read it
     * with acquire loads. A volatile store would cost a full fence on every operation entry and exit.
     */
    private static final VarHandle DEPTH;

    static {
        try {
            DEPTH = MethodHandles.lookup().findVarHandle(OperationStack.class, "depth", int.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }
    static final byte FILE_OPERATION = 1;
    static final byte ENTRY_POINT = 2;

    final WeakReference<Thread> thread;

    private final Object[] subjects = new Object[CAPACITY];
    private final int[] sites = new int[CAPACITY];
    private final byte[] types = new byte[CAPACITY];
    private final AtomicLongArray sequences = new AtomicLongArray(CAPACITY);
    private final AtomicLongArray crossedUnbind = new AtomicLongArray(CAPACITY);
    private long nextSequence;

    /** May exceed CAPACITY: deeper operations are counted but not recorded. See {@link #DEPTH}. */
    private int depth;

    OperationStack(Thread thread) {
        this.thread = new WeakReference<>(thread);
    }

    /** Small enough to be inlined anywhere; filling the slot is out of line. */
    void push(byte type, Object subject, int site) {
        int d = depth;
        if (d < CAPACITY) {
            fill(d, type, subject, site);
        }
        DEPTH.setRelease(this, d + 1);
    }

    private void fill(int d, byte type, Object subject, int site) {
        {
            subjects[d] = subject;
            sites[d] = site;
            types[d] = type;
            crossedUnbind.lazySet(d, 0);
            // Release store: a scanner that reads this sequence sees the slot written above.
            sequences.lazySet(d, ++nextSequence);
        }
    }

    void pop() {
        int d = depth;
        if (d > 0) { // else an unbalanced exit: nothing to undo
            if (d <= CAPACITY) {
                clear(d - 1);
            }
            DEPTH.setRelease(this, d - 1);
        }
    }

    private void clear(int slot) {
        sequences.lazySet(slot, 0);
        subjects[slot] = null;
    }

    /** The index of the innermost slot of {@code type}, or -1. For the owning thread. */
    int innermost(byte type) {
        for (int i = Math.min(depth, CAPACITY) - 1; i >= 0; i--) {
            if (types[i] == type) {
                return i;
            }
        }
        return -1;
    }

    Object subject(int slot) {
        return subjects[slot];
    }

    int site(int slot) {
        return sites[slot];
    }

    /** For the owning thread: whether the operation in {@code slot} was running when an unbind completed. */
    boolean crossedUnbind(int slot) {
        long seq = sequences.get(slot);
        return seq != 0 && crossedUnbind.get(slot) == seq;
    }

    /** Calls {@code visitor} for each operation in flight, from another thread. */
    void scan(Visitor visitor) {
        int d = Math.min((int) DEPTH.getAcquire(this), CAPACITY);
        for (int i = 0; i < d; i++) {
            long seq = sequences.get(i);
            if (seq == 0) {
                continue;
            }
            Object subject = subjects[i];
            byte type = types[i];
            int site = sites[i];
            // Still the same operation? Otherwise what we read may be a mix of two.
            if (subject == null || sequences.get(i) != seq) {
                continue;
            }
            if (visitor.visit(type, subject, site)) {
                crossedUnbind.set(i, seq);
            }
        }
    }

    /** Sees one in-flight operation; returns true to mark it as crossing the unbind. */
    interface Visitor {
        boolean visit(byte type, Object subject, int site);
    }
}
