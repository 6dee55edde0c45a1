package io.devmsan.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the methods of a synchronisation primitive that fence driver code against unregister:
 * a read side that operations hold while they use the driver's state, and a synchronize side
 * that unregister goes through to wait for every read side to end.
 *
 * <p>With these marks the agent can tell, from a run where no unbind ever raced an operation,
 * whether an access to scope-owned state was protected: it was when the accessing thread held a
 * read side of a fence that the unbind path synchronized with. A mutex is both: taking it in an
 * operation is a read side, taking it in unregister waits for the holders.
 *
 * <p>Positions follow {@link Lifecycle}: {@link Lifecycle#THIS} (the default) is the receiver.
 */
public final class Fence {

    private Fence() {
    }

    /** The method begins a read side of {@code fence} (down_read, srcu_read_lock, mutex_lock). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Enter {
        /** Position of the fence object. */
        int fence() default Lifecycle.THIS;

        /** When the read side is held after the method returns. */
        Outcome held() default Outcome.ALWAYS;
    }

    /** The method ends a read side of {@code fence} (up_read, srcu_read_unlock, mutex_unlock). */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Exit {
        /** Position of the fence object. */
        int fence() default Lifecycle.THIS;
    }

    /**
     * The method waits until every read side of {@code fence} has ended (down_write,
     * synchronize_srcu, waiting for active users to drain, mutex_lock on the unregister path).
     */
    @Documented
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    public @interface Synchronize {
        /** Position of the fence object. */
        int fence() default Lifecycle.THIS;
    }

    /** Whether an {@link Enter} method holds the read side when it returns. */
    public enum Outcome {
        /** Always (a lock that blocks until acquired). */
        ALWAYS,
        /** Only when it returns {@code true} (a try-get that fails once the fence is dead). */
        WHEN_TRUE
    }
}
