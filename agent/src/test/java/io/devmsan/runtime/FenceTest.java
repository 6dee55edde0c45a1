package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Thing;
import java.util.List;
import org.junit.jupiter.api.Test;

class FenceTest extends RuntimeTest {

    private static final int FENCE = Sites.register(Sites.Kind.LIFECYCLE, "a.Rwsem", "downRead", null, -1, "down_read");

    @Test
    void heldReadSidesAreTrackedPerThreadAndMayEndOutOfOrder() {
        Thing a = new Thing("a");
        Thing b = new Thing("b");
        DevmsanRuntime.fenceEnter(a, FENCE);
        DevmsanRuntime.fenceEnter(b, FENCE);
        DevmsanRuntime.fenceEnter(a, FENCE);
        assertEquals(3, Core.heldFences().size());
        DevmsanRuntime.fenceExit(a, FENCE);
        List<Object> held = Core.heldFences();
        assertEquals(2, held.size());
        assertSame(a, held.get(0));
        assertSame(b, held.get(1));
        DevmsanRuntime.fenceExit(a, FENCE);
        DevmsanRuntime.fenceExit(b, FENCE);
        DevmsanRuntime.fenceExit(b, FENCE); // an exit without enter is ignored
        assertEquals(List.of(), Core.heldFences());
    }

    @Test
    void heldReadSidesAreNotSharedBetweenThreads() throws InterruptedException {
        DevmsanRuntime.fenceEnter(new Thing("mine"), FENCE);
        int[] otherHeld = {-1};
        Thread other = new Thread(() -> otherHeld[0] = Core.heldFences().size());
        other.start();
        other.join();
        assertEquals(0, otherHeld[0]);
    }

    @Test
    void synchronizeDuringUnbindIsRecordedForThatUnbind() {
        Thing device = new Thing("xyz.0");
        Thing rwsem = new Thing("rwsem");
        Thing unrelated = new Thing("unrelated");
        Model.probe(device, () -> { });
        DevmsanRuntime.fenceSynchronize(unrelated, FENCE); // not in an unbind
        Model.unbind(device, () -> DevmsanRuntime.fenceSynchronize(rwsem, FENCE));
        List<Object> fences = Core.fencesSynchronizedByUnbind(device);
        assertEquals(1, fences.size());
        assertSame(rwsem, fences.get(0));

        // The next unbind starts a new set.
        Model.probe(device, () -> { });
        Model.unbind(device);
        assertEquals(List.of(), Core.fencesSynchronizedByUnbind(device));
    }

    @Test
    void fullProvenancePutsFencesOnTheTimeline() {
        reset(config().withProvenance(RuntimeConfig.Provenance.FULL));
        Thing device = new Thing("xyz.0");
        Thing cdev = new Thing("cdev");
        Thing file = new Thing("file");
        Model.Context[] context = new Model.Context[1];
        Model.probe(device, () -> {
            context[0] = new Model.Context();
            DevmsanRuntime.cdevAdd(cdev, device, Model.CDEV_ADD);
        });
        DevmsanRuntime.fileOpened(cdev, file, Model.OPEN);
        Thing fence = new Thing("rwsem");
        Model.inOperation(Model.IOCTL, file, () -> {
            DevmsanRuntime.fenceEnter(fence, FENCE);
            DevmsanRuntime.fenceExit(fence, FENCE);
            return null;
        });
        Model.unbind(device, () -> DevmsanRuntime.fenceSynchronize(fence, FENCE));
        context[0].readRegs();
        List<String> events = Devmsan.violations().get(0).timeline().stream().map(Violation.TimelineEvent::event)
                .toList();
        assertTrue(events.containsAll(List.of("fence-enter", "fence-exit", "fence-synchronize")), events.toString());
    }
}
