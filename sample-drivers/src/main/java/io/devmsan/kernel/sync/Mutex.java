package io.devmsan.kernel.sync;

import io.devmsan.annotations.Fence;
import io.devmsan.kernel.Errno;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A sleeping lock ({@code struct mutex}): one owner, not recursive, unlocked by its owner only.
 *
 * <p>A mutex is both sides of a fence: a file operation that takes it is inside a read side, and an
 * unregister path that takes it waits for that operation to leave. Recursive locking and unlocking
 * by a non-owner throw {@link IllegalStateException}, as lockdep would complain.
 */
public final class Mutex {

    private final String name;
    private final ReentrantLock lock = new ReentrantLock();

    /** @param name shown in lockdep-style messages, such as {@code "tpm_mutex"} */
    public Mutex(String name) {
        this.name = name;
    }

    /** {@code mutex_lock}: blocks until this thread owns the mutex. */
    @Fence.Enter
    @Fence.Synchronize
    public void lock() {
        refuseRecursion();
        lock.lock();
    }

    /**
     * {@code mutex_lock_interruptible}: like {@link #lock()} but gives up when the thread is
     * interrupted (a signal in the kernel).
     *
     * @return 0 when locked, {@code -EINTR} when interrupted (the interrupt status is kept)
     */
    public int lockInterruptible() {
        return acquireInterruptibly() ? 0 : -Errno.EINTR;
    }

    /** {@code mutex_trylock}: takes the mutex when it is free, never waits. */
    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    public boolean tryLock() {
        refuseRecursion();
        return lock.tryLock();
    }

    /** {@code mutex_unlock}; only the owner may unlock. */
    @Fence.Exit
    public void unlock() {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("unlock of mutex " + name + " not held by "
                    + Thread.currentThread().getName());
        }
        lock.unlock();
    }

    /** {@code mutex_is_locked}. */
    public boolean isLocked() {
        return lock.isLocked();
    }

    /** True when the calling thread owns the mutex ({@code lockdep_assert_held}). */
    public boolean isHeldByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    // Not a synchronize side: an interrupted attempt waited for nobody.
    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    boolean acquireInterruptibly() {
        refuseRecursion();
        try {
            lock.lockInterruptibly();
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void refuseRecursion() {
        if (lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("possible recursive locking detected: mutex " + name
                    + " already held by " + Thread.currentThread().getName());
        }
    }

    @Override
    public String toString() {
        return "mutex " + name;
    }
}
