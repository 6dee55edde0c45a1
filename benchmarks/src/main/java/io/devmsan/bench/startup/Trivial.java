package io.devmsan.bench.startup;

import java.time.Instant;

/**
 * The trivial program whose start-up is timed with and without the agent: it does nothing but
 * print the wall clock (epoch nanoseconds, microsecond resolution on Linux) as {@code main}
 * returns, so that the script can tell time-to-main-return from time-to-exit (the JVM's shutdown,
 * including the agent's report hook).
 */
public final class Trivial {

    private Trivial() {
    }

    public static void main(String[] args) {
        Instant now = Instant.now();
        System.out.println(now.getEpochSecond() * 1_000_000_000L + now.getNano());
    }
}
