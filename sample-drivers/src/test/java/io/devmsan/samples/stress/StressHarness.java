package io.devmsan.samples.stress;

import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Several threads hammer a device's file operations (open, operations, release) while another
 * thread unbinds and rebinds it, for a bounded number of cycles and a bounded time. It ends by
 * itself: a thread still running when the time is up is a deadlock, reported with every stack.
 */
public final class StressHarness {

    /** Operations a worker runs on one file before it closes it and opens the node again. */
    private static final int OPS_PER_OPEN = 40;

    private StressHarness() {
    }

    /**
     * The stress every clean scenario passes: four workers, {@code cycles} unbind/rebind cycles, 30
     * seconds at most; asserts {@link StressResult#assertCleanUnder} and shuts the target down.
     *
     * @return what happened, for further checks
     */
    public static StressResult assertClean(StressTarget target, int cycles) throws InterruptedException {
        try {
            StressResult result = run(target, 4, cycles, Duration.ofSeconds(30));
            result.assertCleanUnder(target, cycles);
            return result;
        } finally {
            target.shutdown();
        }
    }

    /** Runs the stress and returns what happened; it never throws for what the driver did. */
    public static StressResult run(StressTarget target, int workers, int cycles, Duration budget)
            throws InterruptedException {
        Devmsan.Snapshot before = Devmsan.snapshot();
        AtomicBoolean stop = new AtomicBoolean();
        Counters counters = new Counters();
        CountDownLatch done = new CountDownLatch(workers + 1);
        List<Thread> threads = new ArrayList<>();
        for (int w = 0; w < workers; w++) {
            threads.add(new Thread(() -> work(target, stop, counters, done), "stress-worker-" + w));
        }
        threads.add(new Thread(() -> cycle(target, cycles, stop, counters, done), "stress-unbinder"));
        threads.forEach(t -> {
            t.setDaemon(true);
            t.start();
        });
        boolean finished = done.await(budget.toMillis(), TimeUnit.MILLISECONDS);
        stop.set(true);
        String stacks = finished ? "" : stacksOf(threads);
        List<Violation> violations = Devmsan.since(before);
        return new StressResult(finished, stacks, counters.invoked.get(), counters.returned.get(),
                Map.copyOf(counters.snapshotResults()), counters.gone.sum(), counters.cyclesDone.get(),
                List.copyOf(counters.failures), violations);
    }

    private static void work(StressTarget target, AtomicBoolean stop, Counters counters, CountDownLatch done) {
        try {
            int n = 0;
            while (!stop.get()) {
                File file = openOrNull(target, counters);
                if (file == null) {
                    Thread.onSpinWait();
                    continue;
                }
                for (int i = 0; i < OPS_PER_OPEN && !stop.get(); i++) {
                    counters.invoked.incrementAndGet();
                    long result = target.operate(file, n++);
                    counters.returned.incrementAndGet();
                    counters.results.computeIfAbsent(result, r -> new LongAdder()).increment();
                    if (target.gone(result)) {
                        counters.gone.increment();
                        break;
                    }
                }
                file.close();
            }
        } catch (RuntimeException | Error e) {
            counters.failures.add(Thread.currentThread().getName() + ": " + e);
        } finally {
            done.countDown();
        }
    }

    private static File openOrNull(StressTarget target, Counters counters) {
        try {
            return target.open();
        } catch (RuntimeException refused) {
            // Unbound, or busy: user space retries, as a daemon would.
            counters.openRefused.increment();
            return null;
        }
    }

    private static void cycle(StressTarget target, int cycles, AtomicBoolean stop, Counters counters,
            CountDownLatch done) {
        try {
            for (int i = 0; i < cycles && !stop.get(); i++) {
                pause();
                check("unbind", target.unbind(), counters);
                pause();
                check("rebind", target.rebind(), counters);
                counters.cyclesDone.incrementAndGet();
            }
            pause();
        } catch (RuntimeException | Error e) {
            counters.failures.add("unbinder: " + e);
        } finally {
            stop.set(true);
            done.countDown();
        }
    }

    private static void check(String what, int ret, Counters counters) {
        if (ret != 0) {
            counters.failures.add(what + " returned " + ret);
        }
    }

    private static void pause() {
        try {
            Thread.sleep(2);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static String stacksOf(List<Thread> threads) {
        StringBuilder out = new StringBuilder();
        for (Thread thread : threads) {
            if (!thread.isAlive()) {
                continue;
            }
            out.append('"').append(thread.getName()).append("\" ").append(thread.getState()).append('\n');
            for (StackTraceElement frame : thread.getStackTrace()) {
                out.append("    at ").append(frame).append('\n');
            }
        }
        return out.toString();
    }

    /** Shared tallies; every field is safe to update from many threads. */
    private static final class Counters {
        final AtomicLong invoked = new AtomicLong();
        final AtomicLong returned = new AtomicLong();
        final AtomicLong cyclesDone = new AtomicLong();
        final LongAdder gone = new LongAdder();
        final LongAdder openRefused = new LongAdder();
        final Map<Long, LongAdder> results = new ConcurrentHashMap<>();
        final List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());

        Map<Long, Long> snapshotResults() {
            Map<Long, Long> copy = new java.util.TreeMap<>();
            results.forEach((k, v) -> copy.put(k, v.sum()));
            return copy;
        }
    }
}
