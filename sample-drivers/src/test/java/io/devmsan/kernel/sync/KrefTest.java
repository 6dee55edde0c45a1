package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class KrefTest {

    @Test
    void releaseRunsExactlyOnceOnTheLastPut() {
        AtomicInteger releases = new AtomicInteger();
        Kref kref = new Kref();
        kref.get();
        assertFalse(kref.put(releases::incrementAndGet));
        assertEquals(0, releases.get());
        assertTrue(kref.put(releases::incrementAndGet));
        assertEquals(1, releases.get());
    }

    @Test
    void aGetAfterReleaseIsAUseAfterFree() {
        Kref kref = new Kref();
        kref.put(() -> { });
        assertThrows(IllegalStateException.class, kref::get);
        assertFalse(kref.getUnlessZero());
        assertThrows(IllegalStateException.class, () -> kref.put(() -> { }));
        assertEquals(0, kref.read());
    }

    @Test
    void concurrentGetsAndPutsReleaseOnce() throws InterruptedException {
        AtomicInteger releases = new AtomicInteger();
        Kref kref = new Kref();
        Thread[] threads = new Thread[8];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = new Thread(() -> {
                for (int i = 0; i < 10_000; i++) {
                    kref.get();
                    kref.put(releases::incrementAndGet);
                }
            });
            threads[t].start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(0, releases.get());
        assertTrue(kref.put(releases::incrementAndGet));
        assertEquals(1, releases.get());
    }
}
