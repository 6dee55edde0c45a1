package io.devmsan.kernel.sync;

import io.devmsan.annotations.Fence;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Sleepable RCU ({@code struct srcu_struct}): readers never block, {@link #synchronize()} waits
 * for every reader that may have seen the old state.
 *
 * <p>This is the fence of the GPIO pattern: unregister clears the protected pointer, then
 * synchronizes; every file operation reads the pointer inside a read section and fails when it is
 * null. The pointer itself must be {@code volatile} (the model's {@code rcu_assign_pointer} and
 * {@code rcu_dereference}).
 *
 * <p>The read-side index is returned to the caller and handed back to {@link #readUnlock(int)}:
 * in-flight state belongs to each reader, never to a shared handle (sharing it corrupts concurrent
 * readers). A reader that registered on an index already flipped retries on the new index; having
 * read the flip, it is ordered after everything the updater did before it, so one flip per grace
 * period suffices with exact counters.
 */
public final class Srcu {

    private static final long MAX_PARK_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final String name;
    private final AtomicLongArray readers = new AtomicLongArray(2);
    private final ReentrantLock gracePeriod = new ReentrantLock();
    private final ThreadLocal<int[]> depth = ThreadLocal.withInitial(() -> new int[1]);
    private volatile int index;

    /** @param name shown in lockdep-style messages, such as {@code "gpio srcu"} */
    public Srcu(String name) {
        this.name = name;
    }

    /** {@code srcu_read_lock}: enters a read section; pass the result to {@link #readUnlock(int)}. */
    @Fence.Enter
    public int readLock() {
        while (true) {
            int idx = index;
            readers.incrementAndGet(idx);
            if (index == idx) {
                depth.get()[0]++;
                return idx;
            }
            readers.decrementAndGet(idx);
        }
    }

    /** {@code srcu_read_unlock}: leaves the read section entered with index {@code idx}. */
    @Fence.Exit
    public void readUnlock(int idx) {
        if (idx != 0 && idx != 1) {
            throw new IllegalArgumentException("srcu_read_unlock on " + name + " with index " + idx
                    + "; accepted: the value readLock() returned (0 or 1)");
        }
        if (readers.decrementAndGet(idx) < 0) {
            readers.incrementAndGet(idx);
            throw new IllegalStateException("srcu_read_unlock on " + name + " without a matching lock");
        }
        int[] mine = depth.get();
        if (mine[0] > 0) {
            mine[0]--;
        }
    }

    /** {@code synchronize_srcu}: waits until every read section that began before it has ended. */
    @Fence.Synchronize
    public void synchronize() {
        refuseSelfDeadlock();
        gracePeriod.lock();
        try {
            int old = flip();
            long park = 1_000;
            while (readers.get(old) != 0) {
                LockSupport.parkNanos(this, park);
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
        } finally {
            gracePeriod.unlock();
        }
    }

    /**
     * {@link #synchronize()} with a time limit, for tests: false when readers were still inside
     * when the time ran out (then it is not a synchronize side).
     */
    public boolean synchronize(long timeout, TimeUnit unit) {
        refuseSelfDeadlock();
        long deadline = System.nanoTime() + unit.toNanos(timeout);
        gracePeriod.lock();
        try {
            int old = flip();
            long park = 1_000;
            while (readers.get(old) != 0) {
                if (System.nanoTime() - deadline >= 0) {
                    return false;
                }
                LockSupport.parkNanos(this, park);
                park = Math.min(park * 2, MAX_PARK_NANOS);
            }
            return true;
        } finally {
            gracePeriod.unlock();
        }
    }

    /** Number of read sections in progress, both indexes (diagnostics and tests). */
    public long readers() {
        return readers.get(0) + readers.get(1);
    }

    private int flip() {
        int old = index;
        index = old ^ 1;
        return old;
    }

    private void refuseSelfDeadlock() {
        if (depth.get()[0] > 0) {
            throw new IllegalStateException("synchronize_srcu on " + name
                    + " inside its own read section: deadlock in " + Thread.currentThread().getName());
        }
    }

    @Override
    public String toString() {
        return "srcu " + name;
    }
}
