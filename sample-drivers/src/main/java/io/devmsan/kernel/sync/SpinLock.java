package io.devmsan.kernel.sync;

import io.devmsan.annotations.Fence;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A busy-waiting lock ({@code spinlock_t}): one owner, not recursive, held briefly.
 *
 * <p>Like a mutex it is both sides of a fence. Waiters spin with {@link Thread#onSpinWait()} and
 * yield now and then, because Java threads, unlike a CPU with interrupts off, can be preempted
 * while holding it.
 */
public final class SpinLock {

    private static final int SPINS_BEFORE_YIELD = 1 << 10;

    private final String name;
    private final AtomicReference<Thread> owner = new AtomicReference<>();

    /** @param name shown in lockdep-style messages */
    public SpinLock(String name) {
        this.name = name;
    }

    /** {@code spin_lock}: spins until this thread owns the lock. */
    @Fence.Enter
    @Fence.Synchronize
    public void lock() {
        Thread self = Thread.currentThread();
        if (owner.get() == self) {
            throw new IllegalStateException("recursive spin_lock on " + name + " by " + self.getName());
        }
        int spins = 0;
        while (!owner.compareAndSet(null, self)) {
            if (++spins % SPINS_BEFORE_YIELD == 0) {
                Thread.yield();
            } else {
                Thread.onSpinWait();
            }
        }
    }

    /** {@code spin_trylock}. */
    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    public boolean tryLock() {
        return owner.compareAndSet(null, Thread.currentThread());
    }

    /** {@code spin_unlock}; only the owner may unlock. */
    @Fence.Exit
    public void unlock() {
        Thread self = Thread.currentThread();
        if (!owner.compareAndSet(self, null)) {
            throw new IllegalStateException("spin_unlock of " + name + " not held by " + self.getName());
        }
    }

    /** {@code spin_is_locked}. */
    public boolean isLocked() {
        return owner.get() != null;
    }

    @Override
    public String toString() {
        return "spinlock " + name;
    }
}
