package io.devmsan.kernel.devres;

import io.devmsan.annotations.Lifecycle;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Plain allocation ({@code kzalloc}/{@code kfree}). Java keeps the memory as long as it is
 * reachable, so {@link #kfree(Object)} does not make a stale pointer crash; it tells the sanitizer
 * that the object is dead, and objects of {@link io.devmsan.annotations.ScopeOwned} types are then
 * checked at every later access.
 */
public final class Slab {

    private static final AtomicLong ALLOCATED = new AtomicLong();
    private static final AtomicLong FREED = new AtomicLong();

    private Slab() {
    }

    /** {@code kzalloc}: constructs a new object (Java zeroes it). */
    public static <T> T kzalloc(Supplier<T> constructor) {
        T object = constructor.get();
        if (object == null) {
            throw new IllegalArgumentException("kzalloc constructor returned null");
        }
        ALLOCATED.incrementAndGet();
        return object;
    }

    /** {@code kfree}: the object is dead once this returns; {@code kfree(null)} does nothing. */
    @Lifecycle.Frees(0)
    public static void kfree(Object object) {
        if (object != null) {
            FREED.incrementAndGet();
        }
    }

    /** Objects allocated so far in this JVM (tests compare before and after). */
    public static long allocated() {
        return ALLOCATED.get();
    }

    /** Objects freed so far in this JVM (tests compare before and after). */
    public static long freed() {
        return FREED.get();
    }
}
