package io.devmsan.samples.runner;

import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

/**
 * What stories share: checking that the model behaved as the kernel would, and ordering two threads
 * by waiting for a visible state instead of sleeping for a guessed time.
 */
public final class Steps {

    private static final long DEADLINE_NANOS = TimeUnit.SECONDS.toNanos(10);

    private Steps() {
    }

    /**
     * @throws IllegalStateException naming the story and the failure when {@code condition} is false
     */
    public static void expect(String story, boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException(story + " story: " + failure);
        }
    }

    /**
     * Waits until {@code condition} holds.
     *
     * @throws IllegalStateException when it does not hold within 10 seconds
     */
    public static void awaitUntil(String story, BooleanSupplier condition, String what) {
        long deadline = System.nanoTime() + DEADLINE_NANOS;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new IllegalStateException(story + " story: timed out waiting for " + what);
            }
            Thread.onSpinWait();
            Thread.yield();
        }
    }
}
