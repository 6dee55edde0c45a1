package io.devmsan.runtime;

import java.util.List;

/**
 * The public face of the running agent, for test code, runners and the JUnit extension.
 *
 * <p>Every method works without the agent's premain having run, and then reports that the agent
 * is not installed rather than pretending all is well.
 */
public final class Devmsan {

    private Devmsan() {
    }

    /** True once the agent has installed its transformer and its canary proved that rewriting works. */
    public static boolean isInstalled() {
        return Core.installed();
    }

    /** The agent's version, such as {@code 0.1.0-SNAPSHOT}. */
    public static String version() {
        return Core.version();
    }

    /** A point in the stream of violations, to ask later what happened since. */
    public static Snapshot snapshot() {
        return Core.snapshot();
    }

    /**
     * The violations that occurred after {@code snapshot}, one per fingerprint in the order first
     * seen, each with the number of occurrences since the snapshot as its count.
     */
    public static List<Violation> since(Snapshot snapshot) {
        return Core.since(snapshot);
    }

    /** Every violation recorded in this JVM, one per fingerprint, with its total count. */
    public static List<Violation> violations() {
        return Core.since(Snapshot.EMPTY);
    }

    /** Writes the report files now, instead of waiting for the JVM to exit. */
    public static void flush() {
        Core.flush();
    }

    /** An immutable point in the stream of violations. */
    public static final class Snapshot {
        static final Snapshot EMPTY = new Snapshot(new long[0]);

        /** Occurrences counted so far, per fingerprint index. */
        final long[] counts;

        Snapshot(long[] counts) {
            this.counts = counts;
        }
    }
}
