package io.devmsan.kernel.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CompletionTest {

    private final Completion done = new Completion();

    @Test
    void completeReleasesOneWaiter() throws InterruptedException {
        AtomicInteger through = new AtomicInteger();
        Thread a = Await.start("a", () -> {
            done.waitForCompletion();
            through.incrementAndGet();
        });
        Thread b = Await.start("b", () -> {
            done.waitForCompletion();
            through.incrementAndGet();
        });
        Await.blocked(a);
        Await.blocked(b);

        done.complete();
        Await.until(() -> through.get() == 1, "one waiter through");
        assertTrue(a.isAlive() || b.isAlive());

        done.complete();
        Await.joined(a);
        Await.joined(b);
        assertEquals(2, through.get());
        assertFalse(done.isDone());
    }

    @Test
    void completeAllReleasesEveryWaiterNowAndLater() {
        done.completeAll();
        done.waitForCompletion();
        done.waitForCompletion();
        assertTrue(done.tryWaitForCompletion());
        done.reinit();
        assertFalse(done.tryWaitForCompletion());
    }

    @Test
    void aTimedWaitReturnsZeroOnTimeoutAndTheTimeLeftOtherwise() {
        assertEquals(0, done.waitForCompletionTimeout(10));
        done.complete();
        assertTrue(done.waitForCompletionTimeout(10_000) >= 1);
    }

    @Test
    void anInterruptedWaitReturnsErestartsys() throws InterruptedException {
        int[] result = {1};
        Thread waiter = Await.start("waiter", () -> result[0] = done.waitForCompletionInterruptible());
        Await.blocked(waiter);
        waiter.interrupt();
        Await.joined(waiter);
        assertEquals(-Errno.ERESTARTSYS, result[0]);
    }
}
