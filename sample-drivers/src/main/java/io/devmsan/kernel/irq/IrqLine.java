package io.devmsan.kernel.irq;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An interrupt line ({@code struct irq_desc}) with its handlers ({@code struct irqaction}).
 *
 * <p>{@link #fire()} runs every handler on the calling thread, like a hard interrupt arriving on
 * that CPU; tests pick the thread. {@link #free(IrqHandler)} removes a handler and then waits until
 * no handler of the line is running ({@code synchronize_irq}), so a handler never runs after its
 * free returned, except for the one extra call {@code CONFIG_DEBUG_SHIRQ} makes on purpose.
 */
public final class IrqLine {

    /** Whether several devices may share the line ({@code IRQF_SHARED}). */
    public enum Sharing {
        /** One handler only; a second request fails with {@code -EBUSY}. */
        EXCLUSIVE,
        /** Any number of handlers; each must check whether its device raised the interrupt. */
        SHARED
    }

    /** Whether {@code CONFIG_DEBUG_SHIRQ} is on for a shared line. */
    public enum DebugShirq {
        /** Freeing a handler does not call it. */
        OFF,
        /** Freeing a handler of a shared line calls it once, after the line synchronised. */
        ON
    }

    private final int irq;
    private final Sharing sharing;
    private final DebugShirq debugShirq;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private final List<Action> actions = new ArrayList<>();
    private final List<Thread> running = new ArrayList<>();

    /**
     * @param irq the interrupt number
     * @param sharing whether the line may be shared
     * @param debugShirq whether freeing a handler of a shared line calls it once more
     */
    public IrqLine(int irq, Sharing sharing, DebugShirq debugShirq) {
        this.irq = irq;
        this.sharing = sharing;
        this.debugShirq = debugShirq;
    }

    /** An exclusive line. */
    public static IrqLine exclusive(int irq) {
        return new IrqLine(irq, Sharing.EXCLUSIVE, DebugShirq.OFF);
    }

    /** A shared line. */
    public static IrqLine shared(int irq, DebugShirq debugShirq) {
        return new IrqLine(irq, Sharing.SHARED, debugShirq);
    }

    /** The interrupt number. */
    public int irq() {
        return irq;
    }

    /**
     * {@code request_irq}: installs {@code handler} for {@code dev}; it may run as soon as this
     * returns.
     *
     * @return 0, {@code -EBUSY} when an exclusive line is taken, {@code -EINVAL} for a null handler
     *     or one already installed
     */
    public int request(Device dev, IrqHandler handler) {
        if (handler == null || dev == null) {
            return -Errno.EINVAL;
        }
        lock.lock();
        try {
            if (!actions.isEmpty() && sharing == Sharing.EXCLUSIVE) {
                return -Errno.EBUSY;
            }
            for (Action action : actions) {
                if (action.handler == handler) {
                    return -Errno.EINVAL;
                }
            }
            actions.add(new Action(dev, handler));
            return 0;
        } finally {
            lock.unlock();
        }
    }

    /**
     * {@code free_irq}: removes {@code handler}, waits until no handler of this line is running,
     * then (shared line, {@code CONFIG_DEBUG_SHIRQ}) calls {@code handler} once more on this thread.
     * Calling it from a handler of this line would deadlock, and throws.
     */
    public void free(IrqHandler handler) {
        Action freed = null;
        lock.lock();
        try {
            if (running.contains(Thread.currentThread())) {
                throw new IllegalStateException("free_irq(" + irq + ") from its own handler: deadlock");
            }
            for (int i = 0; i < actions.size(); i++) {
                if (actions.get(i).handler == handler) {
                    freed = actions.remove(i);
                    break;
                }
            }
            if (freed == null) {
                throw new IllegalStateException("Trying to free already-free IRQ " + irq);
            }
            while (!running.isEmpty()) {
                idle.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
        if (sharing == Sharing.SHARED && debugShirq == DebugShirq.ON) {
            dispatch(freed.dev, freed.handler, irq);
        }
    }

    /**
     * The interrupt fires on the calling thread: every installed handler runs.
     *
     * @return {@link IrqReturn#HANDLED} when a handler handled it, {@link IrqReturn#NONE} when none
     *     did or none is installed (a spurious interrupt)
     */
    public IrqReturn fire() {
        List<Action> snapshot;
        Thread self = Thread.currentThread();
        lock.lock();
        try {
            if (actions.isEmpty()) {
                return IrqReturn.NONE;
            }
            snapshot = new ArrayList<>(actions);
            running.add(self);
        } finally {
            lock.unlock();
        }
        IrqReturn result = IrqReturn.NONE;
        try {
            for (Action action : snapshot) {
                result = result.or(dispatch(action.dev, action.handler, irq));
            }
        } finally {
            lock.lock();
            try {
                running.remove(self);
                if (running.isEmpty()) {
                    idle.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }
        return result;
    }

    /** The interrupt fires on a thread of {@code cpu}; the future completes with {@link #fire()}'s result. */
    public CompletableFuture<IrqReturn> fire(Executor cpu) {
        return CompletableFuture.supplyAsync(this::fire, cpu);
    }

    /** {@code synchronize_irq}: waits until no handler of this line is running. */
    public void synchronize() {
        lock.lock();
        try {
            if (running.contains(Thread.currentThread())) {
                throw new IllegalStateException("synchronize_irq(" + irq + ") from its own handler: deadlock");
            }
            while (!running.isEmpty()) {
                idle.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Number of installed handlers. */
    public int handlers() {
        lock.lock();
        try {
            return actions.size();
        } finally {
            lock.unlock();
        }
    }

    /** The entry into driver code: one handler call on behalf of {@code dev}. */
    @Lifecycle.EntryPoint(value = "irq", device = 0)
    static IrqReturn dispatch(Device dev, IrqHandler handler, int irq) {
        IrqReturn result = handler.handle(irq);
        if (result == null) {
            throw new IllegalStateException("irq handler for " + dev.name() + " returned null");
        }
        return result;
    }

    private static final class Action {
        final Device dev;
        final IrqHandler handler;

        Action(Device dev, IrqHandler handler) {
            this.dev = dev;
            this.handler = handler;
        }
    }

    @Override
    public String toString() {
        return "irq " + irq + " (" + sharing + ")";
    }
}
