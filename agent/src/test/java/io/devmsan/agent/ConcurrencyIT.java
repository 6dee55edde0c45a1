package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.fixtures.FakeDriverCore;
import io.devmsan.fixtures.Hammer;
import io.devmsan.fixtures.OwnedContext;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * Under the packaged agent, with reports written for real: 32 threads raise violations while
 * holding the driver's own lock, first occurrences of a new site included, while another thread
 * takes that lock to flush reports and query snapshots. Nothing deadlocks (the recorder takes no
 * lock the driver could hold: only its own leaf locks, around code that calls out to nobody) and
 * no occurrence is lost.
 */
class ConcurrencyIT {

    static final int THREADS = 32;
    static final int PER_THREAD = 100_000;
    /** Read by ForkExitReportIT after this JVM has ended: the report must hold this count. */
    static final Path PID_FILE = Paths.get("target", "devmsan-it-fork.pid");

    @AfterAll
    static void tellTheCheckerWhichReportIsOurs() throws Exception {
        Files.writeString(PID_FILE, String.valueOf(ProcessHandle.current().pid()));
    }

    @Test
    void violationsUnderTheDriversLockWithConcurrentFlushesNeitherDeadlockNorLoseCounts() throws Throwable {
        Object lock = new Object();
        // Naming the device takes the driver's lock, as a driver's toString might.
        Object device = new Object() {
            @Override
            public String toString() {
                synchronized (lock) {
                    return "locked-dev.0";
                }
            }
        };
        OwnedContext[] context = new OwnedContext[1];
        FakeDriverCore.probe(device, () -> context[0] = new OwnedContext());
        FakeDriverCore.unbind(device, () -> { });
        Devmsan.Snapshot before = Devmsan.snapshot();
        CyclicBarrier start = new CyclicBarrier(THREADS + 1);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        AtomicBoolean done = new AtomicBoolean();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            boolean writer = t % 8 == 0;
            threads.add(new Thread(() -> {
                try {
                    start.await();
                    if (writer) {
                        Hammer.writeLocked(lock, context[0], 1_000);
                    }
                    Hammer.readLocked(lock, context[0], PER_THREAD);
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "driver-" + t));
        }
        Thread reporter = new Thread(() -> {
            try {
                start.await();
                while (!done.get()) {
                    synchronized (lock) {
                        Devmsan.flush();
                    }
                    Devmsan.since(Devmsan.snapshot());
                    Devmsan.violations();
                }
            } catch (Throwable e) {
                failure.compareAndSet(null, e);
            }
        }, "flusher-under-driver-lock");
        threads.forEach(Thread::start);
        reporter.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        for (Thread thread : threads) {
            thread.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            if (thread.isAlive()) {
                throw new AssertionError("still running after 120 s (deadlock?):\n" + threadDump());
            }
        }
        done.set(true);
        reporter.join(60_000);
        assertTrue(!reporter.isAlive(), this::threadDump);
        if (failure.get() != null) {
            throw failure.get();
        }

        List<Violation> since = Devmsan.since(before);
        assertEquals((long) THREADS * PER_THREAD, countOf(since, "readLocked"));
        assertEquals(4L * 1_000, countOf(since, "writeLocked"));
        assertEquals(2, since.size(), since::toString);
        assertEquals("locked-dev.0", since.get(0).device());
    }

    private static long countOf(List<Violation> violations, String method) {
        return violations.stream().filter(v -> v.accessMethod().equals(method)).mapToLong(Violation::count).sum();
    }

    private String threadDump() {
        long[] deadlocked = ManagementFactory.getThreadMXBean().findDeadlockedThreads();
        ThreadInfo[] all = ManagementFactory.getThreadMXBean().dumpAllThreads(true, true);
        return "deadlocked: " + Arrays.toString(deadlocked) + "\n"
                + Arrays.stream(all).map(ThreadInfo::toString).collect(Collectors.joining());
    }
}
