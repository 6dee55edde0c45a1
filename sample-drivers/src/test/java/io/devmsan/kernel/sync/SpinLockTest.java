package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.devmsan.kernel.Await;
import org.junit.jupiter.api.Test;

class SpinLockTest {

    private int counter;

    @Test
    void excludesConcurrentCriticalSections() throws InterruptedException {
        SpinLock lock = new SpinLock("counter");
        Thread[] threads = new Thread[4];
        for (int t = 0; t < threads.length; t++) {
            threads[t] = Await.start("spinner " + t, () -> {
                for (int i = 0; i < 20_000; i++) {
                    lock.lock();
                    try {
                        counter++;
                    } finally {
                        lock.unlock();
                    }
                }
            });
        }
        for (Thread thread : threads) {
            Await.joined(thread);
        }
        assertEquals(80_000, counter);
    }

    @Test
    void recursionAndForeignUnlockAreReported() {
        SpinLock lock = new SpinLock("l");
        lock.lock();
        assertThrows(IllegalStateException.class, lock::lock);
        assertFalse(lock.tryLock());
        lock.unlock();
        assertThrows(IllegalStateException.class, lock::unlock);
    }
}
