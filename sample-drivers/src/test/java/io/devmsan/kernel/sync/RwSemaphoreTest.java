package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RwSemaphoreTest {

    private final RwSemaphore sem = new RwSemaphore("ops_sem");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void downWriteWaitsUntilEveryReaderHasLeft() throws InterruptedException {
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch leave = new CountDownLatch(1);
        Thread reader = Await.start("reader", () -> {
            sem.downRead();
            log.add("reader in");
            inside.countDown();
            await(leave);
            log.add("reader out");
            sem.upRead();
        });
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        Thread writer = Await.start("unregister", () -> {
            sem.downWrite();
            log.add("writer in");
            sem.upWrite();
        });
        Await.blocked(writer);
        assertEquals(List.of("reader in"), log);

        leave.countDown();

        Await.joined(reader);
        Await.joined(writer);
        assertEquals(List.of("reader in", "reader out", "writer in"), log);
    }

    @Test
    void onlyTheReaderMayReleaseItsReadSide() throws InterruptedException {
        sem.downRead();
        Thread other = Await.start("other", () -> {
            try {
                sem.upRead();
            } catch (IllegalStateException e) {
                log.add("refused");
            }
        });
        Await.joined(other);
        assertEquals(List.of("refused"), log);
        assertEquals(1, sem.readers());
        sem.upRead();
    }

    @Test
    void aQueuedWriterHoldsBackNewReaders() throws InterruptedException {
        sem.downRead();
        Thread writer = Await.start("writer", () -> {
            sem.downWrite();
            log.add("writer");
            sem.upWrite();
        });
        Await.blocked(writer);
        Thread lateReader = Await.start("late reader", () -> {
            sem.downRead();
            log.add("late reader");
            sem.upRead();
        });
        Await.blocked(lateReader);
        assertEquals(List.of(), log);

        sem.upRead();

        Await.joined(writer);
        Await.joined(lateReader);
        assertEquals(List.of("writer", "late reader"), log);
    }

    @Test
    void tryDownReadFailsWhileAWriterHoldsIt() throws Exception {
        Thread writer = Await.start("writer", sem::downWrite);
        Await.joined(writer);
        assertTrue(sem.isWriteLocked());
        assertFalse(sem.tryDownRead());
    }

    @Test
    void upgradingAReadSideWouldDeadlockAndIsReported() throws InterruptedException {
        sem.downRead();
        assertThrows(IllegalStateException.class, sem::downWrite);
        assertThrows(IllegalStateException.class, () -> sem.downWrite(1, TimeUnit.MILLISECONDS));
        sem.upRead();
        assertTrue(sem.downWrite(1, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, sem::downWrite);
        sem.upWrite();
        assertThrows(IllegalStateException.class, sem::upWrite);
    }

    @Test
    void anInterruptedReaderGetsEintr() throws InterruptedException {
        sem.downWrite();
        int[] result = {1};
        Thread reader = Await.start("reader", () -> result[0] = sem.downReadInterruptible());
        Await.blocked(reader);
        reader.interrupt();
        Await.joined(reader);
        assertEquals(-io.devmsan.kernel.Errno.EINTR, result[0]);
        sem.upWrite();
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(10, TimeUnit.SECONDS)) {
                throw new AssertionError("latch never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
