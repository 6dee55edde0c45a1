package io.devmsan.kernel.sync;

import io.devmsan.annotations.Fence;
import io.devmsan.kernel.Errno;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A reader/writer semaphore ({@code struct rw_semaphore}): many readers or one writer.
 *
 * <p>This is the fence of the TPM pattern: every operation holds the read side while it runs driver
 * code, and unregister takes the write side, which waits until every reader has left, before it
 * clears the ops pointer. A queued writer holds back new readers, as in the kernel, so unregister
 * cannot be starved.
 *
 * <p>Read and write sides are released by the thread that took them.
 */
public final class RwSemaphore {

    private final String name;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock(true);

    /** @param name shown in lockdep-style messages, such as {@code "ops_sem"} */
    public RwSemaphore(String name) {
        this.name = name;
    }

    /** {@code down_read}: blocks while a writer holds or waits for the semaphore. */
    @Fence.Enter
    public void downRead() {
        lock.readLock().lock();
    }

    /** {@code down_read_trylock}: takes the read side when no writer holds it, never waits. */
    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    public boolean tryDownRead() {
        return lock.readLock().tryLock();
    }

    /**
     * {@code down_read_interruptible}: like {@link #downRead()} but gives up when the thread is
     * interrupted.
     *
     * @return 0 when the read side is held, {@code -EINTR} when interrupted
     */
    public int downReadInterruptible() {
        return readInterruptibly() ? 0 : -Errno.EINTR;
    }

    /** {@code up_read}. */
    @Fence.Exit
    public void upRead() {
        try {
            lock.readLock().unlock();
        } catch (IllegalMonitorStateException e) {
            throw new IllegalStateException("up_read of " + name + " not held by "
                    + Thread.currentThread().getName(), e);
        }
    }

    /** {@code down_write}: waits until every reader and any writer has left, then excludes all. */
    @Fence.Synchronize
    public void downWrite() {
        refuseUpgrade();
        lock.writeLock().lock();
    }

    /**
     * {@code down_write} with a time limit, for tests: false when the semaphore could not be taken
     * in time (not a synchronize side then).
     */
    public boolean downWrite(long timeout, TimeUnit unit) throws InterruptedException {
        refuseUpgrade();
        return lock.writeLock().tryLock(timeout, unit);
    }

    /** {@code up_write}. */
    public void upWrite() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("up_write of " + name + " not held by "
                    + Thread.currentThread().getName());
        }
        lock.writeLock().unlock();
    }

    /** Number of read sides held right now (diagnostics and tests). */
    public int readers() {
        return lock.getReadLockCount();
    }

    /** True when a writer holds the semaphore. */
    public boolean isWriteLocked() {
        return lock.isWriteLocked();
    }

    /** An estimate of the threads waiting to take either side (tests poll it to order steps). */
    public int waiters() {
        return lock.getQueueLength();
    }

    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    boolean readInterruptibly() {
        try {
            lock.readLock().lockInterruptibly();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuseUpgrade() {
        if (lock.getReadHoldCount() > 0) {
            throw new IllegalStateException("down_write of " + name + " while holding its read side: "
                    + "deadlock in " + Thread.currentThread().getName());
        }
        if (lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("recursive down_write of " + name + " by "
                    + Thread.currentThread().getName());
        }
    }

    @Override
    public String toString() {
        return "rwsem " + name;
    }
}
