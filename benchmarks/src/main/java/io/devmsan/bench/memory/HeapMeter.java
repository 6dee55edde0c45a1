package io.devmsan.bench.memory;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;
import javax.management.ObjectName;

/**
 * Retained heap, measured the only honest cheap way: full collections until the used heap stops
 * shrinking, then the used heap. Meant for {@code -XX:+UseSerialGC}, where {@link System#gc()} is
 * a full compacting collection, so that two readings differ only by what is still reachable
 * (plus a few KB of noise: class metadata is off-heap, but JIT and logging may allocate).
 *
 * <p>{@link #histogram()} is the JVM's own class histogram (what {@code jcmd GC.class_histogram}
 * prints) for the breakdown by class.
 */
final class HeapMeter {

    private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

    /** Longer than the report writer's idle period (2 s) plus its debounce (300 ms). */
    private static final long QUIET_MILLIS = 2600;

    private HeapMeter() {
    }

    /**
     * Like {@link #retained()}, after waiting out the agent's background report writer: after new
     * violations it rewrites the whole JSON report (300 ms after the last one, then every 2 s while
     * counts change), and a report string being built is not what the agent keeps.
     */
    static long retained(boolean agentWriterRuns) {
        return agentWriterRuns ? retainedQuiet() : retained();
    }

    private static long retainedQuiet() {
        try {
            Thread.sleep(QUIET_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Readings spread over one full writer period, so that at least one falls between writes.
        long least = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            least = Math.min(least, retained());
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return least;
    }

    /** Used heap in bytes after the heap has settled. */
    static long retained() {
        long previous = Long.MAX_VALUE;
        for (int round = 0; round < 20; round++) {
            System.gc();
            sleep();
            long used = MEMORY.getHeapMemoryUsage().getUsed();
            if (round >= 3 && used >= previous) {
                return used;
            }
            previous = Math.min(previous, used);
        }
        return previous;
    }

    /** Instances and bytes per class name, after a full collection (the histogram forces one). */
    static Map<String, long[]> histogram() {
        String table;
        try {
            table = (String) ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {null}, new String[] {String[].class.getName()});
        } catch (Exception e) {
            throw new IllegalStateException("the DiagnosticCommand MBean's gcClassHistogram failed", e);
        }
        Map<String, long[]> byClass = new HashMap<>();
        for (String line : table.split("\n")) {
            // "   1:         12345        1234567  java.lang.String (java.base@17)"
            String[] parts = line.trim().split("\\s+");
            if (parts.length >= 4 && parts[0].endsWith(":")) {
                byClass.put(parts[3], new long[] {Long.parseLong(parts[1]), Long.parseLong(parts[2])});
            }
        }
        return byClass;
    }

    private static void sleep() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
