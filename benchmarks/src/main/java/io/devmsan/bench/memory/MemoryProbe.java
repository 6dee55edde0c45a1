package io.devmsan.bench.memory;

import io.devmsan.bench.driver.BenchBus;
import io.devmsan.bench.driver.BenchDevice;
import io.devmsan.bench.driver.XyzDriver;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Retained heap at each step of a bind/unbind/violation story, printed as {@code memory key=value}
 * lines. Run it twice, with and without the agent, with {@code -XX:+UseSerialGC} and a fixed heap;
 * the per-item figures of the agent run minus those of the plain run are what the agent keeps.
 *
 * <ol>
 *   <li>{@code bareScope}: bind scopes with nothing in them (probe allocates nothing);
 *   <li>{@code driverBind}: binds of the bench driver (private data, context, devres region, four
 *       {@code @DevmScoped} stores: owner tokens with provenance);
 *   <li>{@code afterUnbind}: the same devices, unbound but still alive;
 *   <li>{@code violation}: distinct recorded violations, one per generated class;
 *   <li>{@code flood}: the growth from {@code floodStart} to {@code floodMiddle} to {@code floodEnd}
 *       identical violations of one site, which must be about zero.
 * </ol>
 *
 * <p>Usage: {@code MemoryProbe <scopes> <leaks> <floodEnd>}.
 */
public final class MemoryProbe {

    private static final Runnable NOTHING = () -> { };
    private static final int FLOOD_START = 10_000;
    private static final long T0 = System.nanoTime();

    private MemoryProbe() {
    }

    public static void main(String[] args) {
        int scopes = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        int leaks = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
        long floodEnd = args.length > 2 ? Long.parseLong(args[2]) : 1_000_000;
        boolean underAgent = ClassLoader.getSystemResource("io/devmsan/runtime/Devmsan.class") != null
                && AgentView.installed();
        print("underAgent", underAgent ? 1 : 0);

        // One small round first, so that class loading and one-off caches (the agent's and the
        // JDK's) are not counted as per-item cost in the measured round.
        round(underAgent, 100, false);
        round(underAgent, scopes, true);
        violations(leaks, floodEnd, underAgent);
    }

    /**
     * Binds {@code scopes} devices with nothing in their scope and {@code scopes} with the bench
     * driver, unbinds them all, lets them go; prints the figures of each step when {@code report}.
     */
    private static void round(boolean underAgent, int scopes, boolean report) {
        // Histograms in both runs and in the warm-up round: the first one sets up the JVM's
        // management beans, and the maps they fill are alive during some readings, so the run
        // without the agent must carry them too for the difference to be the agent's.
        boolean histograms = true;
        PrintStream out = report && underAgent ? System.out : new PrintStream(OutputStream.nullOutputStream());
        long start = HeapMeter.retained();
        Map<String, long[]> hStart = histograms ? HeapMeter.histogram() : null;
        List<BenchDevice> bare = devices("bare", scopes);
        List<BenchDevice> bound = devices("xyz", scopes);
        XyzDriver driver = new XyzDriver();
        long m0 = HeapMeter.retained();
        Map<String, long[]> h0 = histograms ? HeapMeter.histogram() : null;

        bare.forEach(dev -> BenchBus.probeRunning(dev, NOTHING));
        long m1 = HeapMeter.retained();
        if (histograms) {
            breakdown(out, "bareScope", h0, HeapMeter.histogram(), scopes);
        }
        bound.forEach(dev -> BenchBus.probe(dev, driver));
        long m2 = HeapMeter.retained();
        bare.forEach(dev -> BenchBus.unbindRunning(dev, NOTHING));
        bound.forEach(dev -> BenchBus.unbind(dev, driver));
        long m3 = HeapMeter.retained();
        bare.clear();
        bound.clear();
        long m4 = HeapMeter.retained();
        // The agent's weak maps drop the records of collected devices when they are next used.
        BenchDevice next = new BenchDevice("next");
        BenchBus.probeRunning(next, NOTHING);
        BenchBus.unbindRunning(next, NOTHING);
        long m5 = HeapMeter.retained();
        if (histograms) {
            breakdown(out, "afterNextBind", hStart, HeapMeter.histogram(), 1);
        }
        if (!report) {
            return;
        }
        print("bareScope.bytesPerItem", (m1 - m0) / scopes);
        print("driverBind.bytesPerItem", (m2 - m1) / scopes);
        print("afterUnbind.bytesPerDevice", (m3 - m0) / (2L * scopes));
        print("afterDevicesGone.bytes", m4 - start);
        print("afterNextBind.bytes", m5 - start);
    }

    private static void violations(int leaks, long floodEnd, boolean underAgent) {
        Leak[] instances = new LeakClasses().instances(leaks);
        BenchDevice leaky = new BenchDevice("leaky");
        BenchBus.probeRunning(leaky, () -> {
            for (Leak leak : instances) {
                leak.store(new Object());
            }
        });
        BenchBus.unbindRunning(leaky, NOTHING);
        long m5 = HeapMeter.retained();
        Map<String, long[]> h5 = HeapMeter.histogram();

        long found = 0;
        for (Leak leak : instances) {
            found += leak.read() != null ? 1 : 0;
        }
        long m6 = HeapMeter.retained(underAgent);
        print("violation.bytesPerItem", (m6 - m5) / leaks);
        print("violation.reads", found);
        Map<String, long[]> h6 = HeapMeter.histogram();
        if (underAgent) {
            print("violation.distinctRecorded", AgentView.distinct());
            breakdown(System.out, "violation", h5, h6, leaks);
        }

        // Three points: any growth with the number of identical violations shows as a larger
        // second step; both steps also carry the JVM's own noise (see the run without agent).
        Leak hot = instances[0];
        long floodMiddle = Math.max(FLOOD_START, floodEnd / 10);
        flood(hot, 0, FLOOD_START);
        long m7 = HeapMeter.retained(underAgent);
        flood(hot, FLOOD_START, floodMiddle);
        long m8 = HeapMeter.retained(underAgent);
        flood(hot, floodMiddle, floodEnd);
        long m9 = HeapMeter.retained(underAgent);
        print("flood.start", FLOOD_START);
        print("flood.middle", floodMiddle);
        print("flood.end", floodEnd);
        print("flood.growthStartToMiddleBytes", m8 - m7);
        print("flood.growthMiddleToEndBytes", m9 - m8);
        if (underAgent) {
            print("flood.distinctRecorded", AgentView.distinct());
            print("flood.occurrencesRecorded", AgentView.occurrences());
        }
    }

    private static void flood(Leak hot, long from, long to) {
        for (long i = from; i < to; i++) {
            hot.read();
        }
    }

    private static List<BenchDevice> devices(String prefix, int n) {
        List<BenchDevice> devices = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            devices.add(new BenchDevice(prefix + i));
        }
        return devices;
    }

    /** The classes whose retained bytes grew most between two histograms, per item. */
    private static void breakdown(PrintStream out, String step, Map<String, long[]> before, Map<String, long[]> after, int items) {
        after.entrySet().stream()
                .map(e -> {
                    long[] was = before.getOrDefault(e.getKey(), new long[2]);
                    return Map.entry(e.getKey(), new long[] {e.getValue()[0] - was[0], e.getValue()[1] - was[1]});
                })
                .filter(e -> e.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(10)
                .forEach(e -> out.printf("memory breakdown.%s class=%s instancesPerItem=%.2f bytesPerItem=%.1f%n",
                        step, e.getKey(), e.getValue()[0] / (double) items, e.getValue()[1] / (double) items));
    }

    private static void print(String key, long value) {
        System.out.println("memory " + key + "=" + value + " (at " + (System.nanoTime() - T0) / 1_000_000 + " ms)");
    }
}
