package io.devmsan.kernel.sync;

import io.devmsan.kernel.Errno;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A one-shot or counting event ({@code struct completion}): each {@link #complete()} lets one
 * waiter through, {@link #completeAll()} lets every present and future waiter through.
 */
public final class Completion {

    /** The kernel's {@code UINT_MAX}: completed for everybody. */
    private static final int ALL = Integer.MAX_VALUE;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private int done;

    /** {@code init_completion}. */
    public Completion() {
    }

    /** {@code complete}: releases one waiter (or the next one to come). */
    public void complete() {
        lock.lock();
        try {
            if (done != ALL) {
                done++;
            }
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    /** {@code complete_all}: releases every waiter, now and later, until {@link #reinit()}. */
    public void completeAll() {
        lock.lock();
        try {
            done = ALL;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** {@code wait_for_completion}: uninterruptible, like the kernel's. */
    public void waitForCompletion() {
        lock.lock();
        try {
            while (done == 0) {
                changed.awaitUninterruptibly();
            }
            consume();
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code wait_for_completion_timeout}.
     *
     * @return the milliseconds left (at least 1) when completed, 0 on timeout
     */
    public long waitForCompletionTimeout(long timeoutMillis) {
        long left = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
        lock.lock();
        try {
            while (done == 0) {
                if (left <= 0) {
                    return 0;
                }
                try {
                    left = changed.awaitNanos(left);
                } catch (InterruptedException e) {
                    // Uninterruptible like the kernel's: remember the interrupt, keep waiting.
                    Thread.currentThread().interrupt();
                    left = Math.min(left, TimeUnit.MILLISECONDS.toNanos(1));
                }
            }
            consume();
            return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left));
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code wait_for_completion_interruptible}.
     *
     * @return 0 when completed, {@code -ERESTARTSYS} when interrupted (the status is kept)
     */
    public int waitForCompletionInterruptible() {
        lock.lock();
        try {
            while (done == 0) {
                try {
                    changed.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -Errno.ERESTARTSYS;
                }
            }
            consume();
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /** {@code try_wait_for_completion}: consumes a completion when one is there, never waits. */
    public boolean tryWaitForCompletion() {
        lock.lock();
        try {
            if (done == 0) {
                return false;
            }
            consume();
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** {@code completion_done}: true when a wait would not block. */
    public boolean isDone() {
        lock.lock();
        try {
            return done != 0;
        } finally {
            lock.unlock();
        }
    }

    /** {@code reinit_completion}. */
    public void reinit() {
        lock.lock();
        try {
            done = 0;
        } finally {
            lock.unlock();
        }
    }

    private void consume() {
        if (done != ALL) {
            done--;
        }
    }
}
