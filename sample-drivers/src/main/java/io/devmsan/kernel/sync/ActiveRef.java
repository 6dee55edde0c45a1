package io.devmsan.kernel.sync;

import io.devmsan.annotations.Fence;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A count of active users that can be killed ({@code percpu_ref}, debugfs's active users): once
 * killed, no new user gets in, and the killer can wait until the users inside have drained.
 *
 * <p>This is the fence of the debugfs pattern and of the proposed generic cdev shutdown: every
 * file operation runs between a successful {@link #tryGet()} and {@link #put()}; removal calls
 * {@link #killAndDrain()}. The count starts with one initial reference that {@link #kill()} drops.
 */
public final class ActiveRef {

    private static final long DEAD = 1L << 62;
    private static final long COUNT = DEAD - 1;

    private final String name;
    private final AtomicLong state = new AtomicLong(1);
    private final Completion drained = new Completion();

    /** @param name shown in messages, such as {@code "xyz cdev active"} */
    public ActiveRef(String name) {
        this.name = name;
    }

    /** {@code percpu_ref_tryget_live}: enters unless killed. */
    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    public boolean tryGet() {
        long current;
        do {
            current = state.get();
            if ((current & DEAD) != 0) {
                return false;
            }
        } while (!state.compareAndSet(current, current + 1));
        return true;
    }

    /** {@code percpu_ref_put}: leaves; the last user out after a kill completes the drain. */
    @Fence.Exit
    public void put() {
        drop();
    }

    /** {@code percpu_ref_kill}: refuses new users and drops the initial reference. */
    public void kill() {
        long previous = state.getAndUpdate(s -> s | DEAD);
        if ((previous & DEAD) != 0) {
            throw new IllegalStateException("percpu_ref_kill on " + name + " called more than once");
        }
        drop();
    }

    /** Kills and waits until every user has left: after it returns, nobody is or will be inside. */
    @Fence.Synchronize
    public void killAndDrain() {
        kill();
        drained.waitForCompletion();
    }

    /**
     * Waits for the drain after {@link #kill()}, for tests.
     *
     * @return true when drained in time
     */
    public boolean awaitDrained(long timeoutMillis) {
        // The drain is signalled with complete_all, so waiting consumes nothing.
        return drained.waitForCompletionTimeout(timeoutMillis) != 0;
    }

    /** True once killed. */
    public boolean isDead() {
        return (state.get() & DEAD) != 0;
    }

    /** References held, including the initial one until the kill (diagnostics and tests). */
    public long count() {
        return state.get() & COUNT;
    }

    private void drop() {
        long now = state.decrementAndGet();
        if ((now & COUNT) == COUNT) {
            state.incrementAndGet();
            throw new IllegalStateException("percpu_ref_put on " + name + ": underflow");
        }
        if (now == DEAD) {
            drained.completeAll();
        }
    }

    @Override
    public String toString() {
        return "active_ref " + name + "(" + count() + (isDead() ? ", dead)" : ")");
    }
}
