package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** Many threads hitting one violation through rewritten code: every occurrence is counted once. */
class ConcurrentViolationsTest extends RewriteTestBase {

    static final int THREADS = 32;
    static final int PER_THREAD = 100_000;

    @Test
    void thirtyTwoThreadsTimesOneHundredThousandAccessesAfterUnbindLoseNoCountAndKeepOneRecord() throws Throwable {
        Object device = new Object();
        Object context = ownedInProbe(device, "OwnedContext");
        unbind(device);
        Class<?> hammer = fixture("Hammer");
        CyclicBarrier start = new CyclicBarrier(THREADS);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread worker = new Thread(() -> {
                try {
                    start.await();
                    assertEquals((long) PER_THREAD, call(hammer, "read", context, PER_THREAD));
                } catch (Throwable e) {
                    failure.compareAndSet(null, e);
                }
            }, "hammer-" + t);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join(120_000);
        }
        if (failure.get() != null) {
            throw failure.get();
        }
        List<Violation> found = violations();
        assertEquals(1, found.size(), "one record however many occurrences: " + found);
        assertEquals((long) THREADS * PER_THREAD, found.get(0).count());
        assertEquals("io.devmsan.fixtures.OwnedContext#counter", found.get(0).resource());
    }
}
