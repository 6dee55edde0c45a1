package io.devmsan.kernel.sync;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * A reference count ({@code struct kref} on {@code refcount_t}): starts at one, the release action
 * runs exactly once, on the put that drops the last reference.
 *
 * <p>Like {@code refcount_t}, taking a reference on a count that already reached zero, or dropping
 * one below zero, is a use after free; the model throws instead of saturating.
 */
public final class Kref {

    private final AtomicInteger refcount = new AtomicInteger(1);

    /** {@code kref_init}: one reference, held by the creator. */
    public Kref() {
    }

    /** {@code kref_get}: takes a reference; the caller must already hold one. */
    public void get() {
        int old = refcount.getAndIncrement();
        if (old <= 0) {
            refcount.getAndDecrement();
            throw new IllegalStateException("refcount_t: addition on " + old + "; use-after-free");
        }
    }

    /**
     * {@code kref_get_unless_zero}: takes a reference unless the count already dropped to zero
     * (the object is being released), for lookups that race with the last put.
     */
    public boolean getUnlessZero() {
        int current;
        do {
            current = refcount.get();
            if (current <= 0) {
                return false;
            }
        } while (!refcount.compareAndSet(current, current + 1));
        return true;
    }

    /**
     * {@code kref_put}: drops a reference and runs {@code release} when it was the last one.
     *
     * @return true when this put released the object
     */
    public boolean put(Runnable release) {
        int now = refcount.decrementAndGet();
        if (now == 0) {
            release.run();
            return true;
        }
        if (now < 0) {
            refcount.incrementAndGet();
            throw new IllegalStateException("refcount_t: underflow; use-after-free");
        }
        return false;
    }

    /** {@code kref_read}: the current count, for diagnostics and tests. */
    public int read() {
        return refcount.get();
    }

    @Override
    public String toString() {
        return "kref(" + refcount.get() + ")";
    }
}
