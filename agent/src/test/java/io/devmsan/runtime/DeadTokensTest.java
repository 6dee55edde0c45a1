package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Holder;
import io.devmsan.runtime.Model.Thing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * When checks take their full path: from the moment a token dies until the GC has collected every
 * dead token, and while armed. The runtime must keep no dead token reachable itself, or checks
 * would never go back to the one flag test.
 */
class DeadTokensTest extends CharDeviceTest {

    /** Whether the GC lets go of every dead token within a few seconds. */
    private static boolean collected() throws InterruptedException {
        return collected(100);
    }

    private static boolean collected(int attempts) throws InterruptedException {
        for (int i = 0; i < attempts && DeadTokens.reachable() > 0; i++) {
            System.gc();
            Thread.sleep(10); // the reference handler enqueues after the collection
            DeadTokens.reclaim();
        }
        return DeadTokens.reachable() == 0;
    }

    private Context probeWithContext(Object device) {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        return context.get();
    }

    @BeforeEach
    void noDeadTokenFromEarlierTests() throws InterruptedException {
        assertTrue(collected(), DeadTokens.reachable() + " dead tokens of earlier tests are still reachable");
        assertFalse(DevmsanRuntime.checking);
    }

    @Test
    void checksAreOffWhileNothingIsDeadAndOnFromTheFirstUnbind() {
        Context context = probeWithContext(device);
        context.readRegs();
        assertFalse(DevmsanRuntime.checking, "a live scope needs no check");
        Model.unbind(device);
        assertTrue(DevmsanRuntime.checking);
        context.readRegs();
        assertEquals(List.of("use-after-unbind"), Devmsan.violations().stream().map(Violation::rule).toList());
    }

    @Test
    void anEarlyFreeTurnsChecksOn() {
        Context context = probeWithContext(device);
        DevmsanRuntime.free(context, Model.FREE);
        assertTrue(DevmsanRuntime.checking);
        context.readRegs();
        assertEquals(List.of("use-after-free"), Devmsan.violations().stream().map(Violation::rule).toList());
    }

    @Test
    void checksStayOnWhileADeadTokenIsReachable() throws InterruptedException {
        Context kept = probeWithContext(device);
        Model.unbind(device);
        assertFalse(collected(10), "the context still refers to its dead scope");
        assertTrue(DevmsanRuntime.checking);
        kept.readRegs();
        assertEquals(1, Devmsan.violations().size());
    }

    @Test
    void checksGoOffOnceTheGcHasCollectedEveryDeadTokenEvenAfterAReport() throws InterruptedException {
        AtomicReference<Holder> holder = new AtomicReference<>();
        Model.probe(device, () -> {
            Holder h = new Holder();
            h.store(new Context());
            holder.set(h);
            DevmsanRuntime.cdevAdd(cdev, device, Model.CDEV_ADD);
        });
        Thing file = open("file");
        Model.unbind(device);
        Model.File.ioctl(file, () -> holder.get().read());
        assertEquals(1, Devmsan.violations().size(), "a report was built from the dead token");
        holder.set(null);
        assertTrue(collected(), "the runtime keeps " + DeadTokens.reachable() + " dead tokens reachable");
        assertFalse(DevmsanRuntime.checking);
        DevmsanRuntime.cdevDel(cdev, Model.CDEV_DEL);
        assertFalse(DevmsanRuntime.checking, "reclaimed tokens stay reclaimed");
    }

    @Test
    void reclaimingWaitsForALifecyclePoint() throws InterruptedException {
        Thing other = new Thing("xyz.1");
        probeWithContext(other);
        Model.unbind(other);
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(10);
        }
        assertTrue(DevmsanRuntime.checking, "no lifecycle point yet");
        assertTrue(collected());
        probeWithContext(new Thing("xyz.2"));
        assertFalse(DevmsanRuntime.checking);
    }

    @Test
    void armingTurnsChecksOnAndDisarmingLeavesThemAsTheDeadTokensSay() {
        Core.arm((owner, site) -> { });
        assertTrue(DevmsanRuntime.checking);
        Core.arm(null);
        assertFalse(DevmsanRuntime.checking);
        Context kept = probeWithContext(device);
        Model.unbind(device);
        Core.arm((owner, site) -> { });
        Core.arm(null);
        assertTrue(DevmsanRuntime.checking, "a dead token is still reachable");
        kept.readRegs();
        assertEquals(1, Devmsan.violations().size());
    }

    /**
     * The check C2 compiles while nothing is dead has the token test as an uncommon trap; the first
     * death must still be caught there (the trap deoptimizes), not only in freshly compiled code.
     */
    @Test
    void aHotAccessCompiledWhileNothingWasDeadCatchesTheFirstUseAfterUnbind() {
        Context context = probeWithContext(device);
        long sum = 0;
        for (int i = 0; i < 200_000; i++) {
            sum += hotRead(context);
        }
        assertEquals(0, sum);
        Model.unbind(device);
        hotRead(context);
        assertEquals(1, Devmsan.violations().size());
    }

    private static int hotRead(Context context) {
        return context.readRegs();
    }
}
