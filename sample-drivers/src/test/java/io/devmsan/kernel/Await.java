package io.devmsan.kernel;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * Orders test threads without sleeping for a guessed time: waits until another thread is parked or
 * until a condition holds, failing after a generous deadline instead of hanging.
 */
public final class Await {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Await() {
    }

    /** Waits until {@code thread} is blocked (waiting for a lock, parked, or in a timed wait). */
    public static void blocked(Thread thread) {
        until(() -> {
            Thread.State state = thread.getState();
            return state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING
                    || state == Thread.State.BLOCKED;
        }, thread.getName() + " to block");
    }

    /** Waits until {@code condition} holds. */
    public static void until(BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }

    /** Starts a daemon thread named {@code name} running {@code body}. */
    public static Thread start(String name, Runnable body) {
        Thread thread = new Thread(body, name);
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    /** Joins {@code thread}, failing when it does not end in time. */
    public static void joined(Thread thread) throws InterruptedException {
        thread.join(TimeUnit.NANOSECONDS.toMillis(DEADLINE_NANOS));
        if (thread.isAlive()) {
            throw new AssertionError(thread.getName() + " did not finish");
        }
    }
}
