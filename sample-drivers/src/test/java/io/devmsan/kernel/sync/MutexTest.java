package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class MutexTest {

    @Test
    void recursiveLockingIsReportedInsteadOfDeadlocking() {
        Mutex mutex = new Mutex("m");
        mutex.lock();
        assertThrows(IllegalStateException.class, mutex::lock);
        assertThrows(IllegalStateException.class, mutex::tryLock);
        mutex.unlock();
        assertFalse(mutex.isLocked());
    }

    @Test
    void onlyTheOwnerMayUnlock() throws InterruptedException {
        Mutex mutex = new Mutex("m");
        mutex.lock();
        AtomicInteger failures = new AtomicInteger();
        Thread other = Await.start("other", () -> {
            try {
                mutex.unlock();
            } catch (IllegalStateException e) {
                failures.incrementAndGet();
            }
        });
        Await.joined(other);
        assertEquals(1, failures.get());
        assertTrue(mutex.isLocked());
        mutex.unlock();
    }

    @Test
    void anInterruptedWaiterGetsEintr() throws InterruptedException {
        Mutex mutex = new Mutex("m");
        mutex.lock();
        AtomicInteger result = new AtomicInteger(1);
        Thread waiter = Await.start("waiter", () -> result.set(mutex.lockInterruptible()));
        Await.blocked(waiter);

        waiter.interrupt();

        Await.joined(waiter);
        assertEquals(-Errno.EINTR, result.get());
        mutex.unlock();
        assertEquals(0, mutex.lockInterruptible());
        mutex.unlock();
    }

    @Test
    void tryLockFailsWhileAnotherThreadHoldsIt() throws InterruptedException {
        Mutex mutex = new Mutex("m");
        mutex.lock();
        boolean[] got = new boolean[1];
        Thread other = Await.start("other", () -> got[0] = mutex.tryLock());
        Await.joined(other);
        assertFalse(got[0]);
        mutex.unlock();
    }
}
