package io.devmsan.kernel.irq;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class IrqLineTest {

    private final Device dev = new Device("dev");
    private final List<String> log = new CopyOnWriteArrayList<>();

    @Test
    void fireRunsTheHandlerOnTheCallingThread() {
        IrqLine line = IrqLine.exclusive(5);
        assertEquals(IrqReturn.NONE, line.fire(), "spurious without a handler");
        line.request(dev, irq -> {
            log.add(irq + " on " + Thread.currentThread().getName());
            return IrqReturn.HANDLED;
        });

        assertEquals(IrqReturn.HANDLED, line.fire());

        assertEquals(List.of("5 on " + Thread.currentThread().getName()), log);
    }

    @Test
    void fireOnAnExecutorRunsThereAndReportsTheResult() throws Exception {
        ExecutorService cpu1 = Executors.newSingleThreadExecutor(r -> new Thread(r, "cpu1"));
        try {
            IrqLine line = IrqLine.exclusive(6);
            line.request(dev, irq -> {
                log.add(Thread.currentThread().getName());
                return IrqReturn.HANDLED;
            });
            assertEquals(IrqReturn.HANDLED, line.fire(cpu1).get(10, TimeUnit.SECONDS));
            assertEquals(List.of("cpu1"), log);
        } finally {
            cpu1.shutdownNow();
        }
    }

    @Test
    void freeWaitsForARunningHandler() throws Exception {
        IrqLine line = IrqLine.exclusive(9);
        CountDownLatch inHandler = new CountDownLatch(1);
        CountDownLatch finish = new CountDownLatch(1);
        IrqHandler handler = irq -> {
            inHandler.countDown();
            try {
                assertTrue(finish.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add("handler done");
            return IrqReturn.HANDLED;
        };
        line.request(dev, handler);
        Thread cpu = Await.start("cpu", line::fire);
        assertTrue(inHandler.await(10, TimeUnit.SECONDS));
        Thread remover = Await.start("free_irq", () -> {
            line.free(handler);
            log.add("freed");
        });
        Await.until(() -> line.handlers() == 0, "the handler to be removed");
        Await.blocked(remover);
        assertEquals(List.of(), log);

        finish.countDown();

        Await.joined(remover);
        Await.joined(cpu);
        assertEquals(List.of("handler done", "freed"), log);
        assertEquals(IrqReturn.NONE, line.fire());
    }

    @Test
    void debugShirqCallsTheHandlerOnceMoreWhenFreeingOnASharedLine() {
        IrqLine line = IrqLine.shared(11, IrqLine.DebugShirq.ON);
        IrqHandler handler = irq -> {
            log.add("called by " + Thread.currentThread().getName());
            return IrqReturn.NONE;
        };
        line.request(dev, handler);

        line.free(handler);

        assertEquals(List.of("called by " + Thread.currentThread().getName()), log);
    }

    @Test
    void withoutDebugShirqOrOnAnExclusiveLineFreeDoesNotCallTheHandler() {
        IrqHandler handler = irq -> {
            log.add("called");
            return IrqReturn.HANDLED;
        };
        IrqLine quiet = IrqLine.shared(12, IrqLine.DebugShirq.OFF);
        quiet.request(dev, handler);
        quiet.free(handler);
        IrqLine exclusive = new IrqLine(13, IrqLine.Sharing.EXCLUSIVE, IrqLine.DebugShirq.ON);
        exclusive.request(dev, handler);
        exclusive.free(handler);
        assertEquals(List.of(), log);
    }

    @Test
    void sharingRules() {
        IrqHandler a = irq -> IrqReturn.NONE;
        IrqHandler b = irq -> IrqReturn.HANDLED;
        IrqLine exclusive = IrqLine.exclusive(1);
        assertEquals(0, exclusive.request(dev, a));
        assertEquals(-Errno.EBUSY, exclusive.request(dev, b));
        IrqLine shared = IrqLine.shared(2, IrqLine.DebugShirq.OFF);
        assertEquals(0, shared.request(dev, a));
        assertEquals(0, shared.request(new Device("other"), b));
        assertEquals(-Errno.EINVAL, shared.request(dev, a));
        assertEquals(IrqReturn.HANDLED, shared.fire(), "handled when any handler handled it");
        shared.free(a);
        assertThrows(IllegalStateException.class, () -> shared.free(a), "already free");
    }

    @Test
    void freeingFromTheHandlerItselfIsReported() {
        IrqLine line = IrqLine.exclusive(3);
        IrqHandler[] self = new IrqHandler[1];
        self[0] = irq -> {
            try {
                line.free(self[0]);
            } catch (IllegalStateException e) {
                log.add("refused");
            }
            return IrqReturn.HANDLED;
        };
        line.request(dev, self[0]);
        line.fire();
        assertEquals(List.of("refused"), log);
        assertFalse(line.handlers() == 0);
    }
}
