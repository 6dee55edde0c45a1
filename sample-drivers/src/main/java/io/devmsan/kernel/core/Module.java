package io.devmsan.kernel.core;

import io.devmsan.kernel.Errno;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A loadable module ({@code struct module}): a reference count that pins the module's code, and an
 * unload that succeeds only when nobody holds a reference.
 *
 * <p>Module references pin code, not devices: a driver whose module is pinned by an open file can
 * still be unbound at any time through sysfs. Like the kernel, the count carries a base reference
 * that unload removes atomically; a {@link #tryGet()} racing with unload either wins (and unload
 * fails with {@code -EWOULDBLOCK}) or sees the count at zero and fails. No mutex in the module is
 * needed to decide, so nothing is unmapped while a getter waits on it.
 */
public final class Module {

    /** The module's state ({@code enum module_state}). */
    public enum State {
        /** Loaded and usable. */
        LIVE,
        /** Unload has started: no new references. */
        GOING,
        /** Unloaded: its code is gone. */
        UNLOADED
    }

    private static final int REF_BASE = 1;

    private final String name;
    private final AtomicInteger refcnt = new AtomicInteger(REF_BASE);
    private final List<Runnable> exits = new ArrayList<>();
    private volatile State state = State.LIVE;

    /** A module that has been loaded and initialised. */
    public Module(String name) {
        this.name = name;
    }

    /** The module's name. */
    public String name() {
        return name;
    }

    /** {@code try_module_get}: takes a reference unless the module is going away. */
    public boolean tryGet() {
        if (state != State.LIVE) {
            return false;
        }
        int current;
        do {
            current = refcnt.get();
            if (current == 0) {
                return false;
            }
        } while (!refcnt.compareAndSet(current, current + 1));
        return true;
    }

    /** {@code module_put}. */
    public void put() {
        if (refcnt.decrementAndGet() < 0) {
            refcnt.incrementAndGet();
            throw new IllegalStateException("module_put of " + name + ": underflow");
        }
    }

    /** {@code module_refcount}: references held besides the base one. */
    public int refcount() {
        return Math.max(0, refcnt.get() - (state == State.LIVE ? REF_BASE : 0));
    }

    /** The module's state. */
    public State state() {
        return state;
    }

    /** Adds a step to the module's exit function ({@code module_exit}); steps run in reverse order. */
    public void onExit(Runnable step) {
        synchronized (exits) {
            exits.add(step);
        }
    }

    /**
     * {@code delete_module}: drops the base reference when nobody else holds one, then runs the exit
     * steps (which typically unregister drivers and so unbind their devices).
     *
     * @return 0 when unloaded, {@code -EWOULDBLOCK} when in use, {@code -ENOENT} when not live
     */
    public int unload() {
        synchronized (exits) {
            if (state != State.LIVE) {
                return -Errno.ENOENT;
            }
            if (!refcnt.compareAndSet(REF_BASE, 0)) {
                return -Errno.EWOULDBLOCK;
            }
            state = State.GOING;
            for (int i = exits.size() - 1; i >= 0; i--) {
                exits.get(i).run();
            }
            exits.clear();
            state = State.UNLOADED;
            return 0;
        }
    }

    @Override
    public String toString() {
        return "module " + name + " (" + state + ", refcount " + refcount() + ")";
    }
}
