package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class SrcuTest {

    private final Srcu srcu = new Srcu("gpio");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void synchronizeWaitsForAReaderThatWasAlreadyInside() throws InterruptedException {
        int idx = srcu.readLock();
        Thread updater = Await.start("unregister", () -> {
            srcu.synchronize();
            log.add("grace period over");
        });
        Await.blocked(updater);
        assertEquals(List.of(), log);

        log.add("reader out");
        srcu.readUnlock(idx);

        Await.joined(updater);
        assertEquals(List.of("reader out", "grace period over"), log);
    }

    @Test
    void synchronizeDoesNotWaitForReadersThatCameAfterIt() throws InterruptedException {
        int old = srcu.readLock();
        Thread updater = Await.start("unregister", () -> {
            srcu.synchronize();
            log.add("grace period over");
        });
        Await.blocked(updater);
        int late = srcu.readLock();
        assertNotEquals(old, late, "a reader after the flip uses the other index");

        srcu.readUnlock(old);

        Await.joined(updater);
        assertEquals(List.of("grace period over"), log);
        assertEquals(1, srcu.readers());
        srcu.readUnlock(late);
        assertEquals(0, srcu.readers());
    }

    @Test
    void aReaderSeesNullAfterTheUpdaterClearedAndSynchronized() throws InterruptedException {
        Object[] chip = {new Object()};
        int idx = srcu.readLock();
        Object seen = chip[0];
        Thread updater = Await.start("unregister", () -> {
            chip[0] = null;
            srcu.synchronize();
        });
        Await.blocked(updater);
        assertTrue(seen != null, "the reader inside keeps what it saw");
        srcu.readUnlock(idx);
        Await.joined(updater);

        int next = srcu.readLock();
        assertNull(chip[0], "numbed: later readers see the cleared pointer");
        srcu.readUnlock(next);
    }

    @Test
    void synchronizingInsideItsOwnReadSectionIsReported() {
        int idx = srcu.readLock();
        assertThrows(IllegalStateException.class, srcu::synchronize);
        srcu.readUnlock(idx);
        srcu.synchronize();
    }

    @Test
    void aTimedSynchronizeGivesUpWhileAReaderStaysInside() throws InterruptedException {
        int[] idx = new int[1];
        Thread reader = Await.start("reader", () -> idx[0] = srcu.readLock());
        Await.joined(reader);
        assertFalse(srcu.synchronize(20, TimeUnit.MILLISECONDS));
        srcu.readUnlock(idx[0]);
        assertTrue(srcu.synchronize(10, TimeUnit.SECONDS));
    }

    @Test
    void unbalancedUnlocksAreReported() {
        assertThrows(IllegalStateException.class, () -> srcu.readUnlock(0));
        assertThrows(IllegalArgumentException.class, () -> srcu.readUnlock(2));
    }
}
