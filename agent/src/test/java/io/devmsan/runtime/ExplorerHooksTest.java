package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ExplorerHooksTest extends RuntimeTest {

    private static final int LOCK = Sites.register(Sites.Kind.LIFECYCLE, "a.Mutex", "lock", null, -1, "Fence.Enter");

    private final List<String> events = new ArrayList<>();
    private final Thing device = new Thing("xyz.0");
    private final Thing file = new Thing("file#1");
    private final Thing mutex = new Thing("mutex m");

    @AfterEach
    void disarm() {
        ExplorerHooks.disarm();
    }

    private void record(ExplorerHooks.Event event, Object subject, int site) {
        events.add(event + (subject == null ? "" : " " + subject));
    }

    private Context probeWithContext() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        return context.get();
    }

    @Test
    void theListenerSeesAccessesAndEveryLifecycleAndFencePointInOrder() {
        Context context = probeWithContext();
        ExplorerHooks.arm(this::record);
        Model.inOperation(Model.IOCTL, file, () -> {
            DevmsanRuntime.fenceAttempt(mutex, LOCK);
            DevmsanRuntime.fenceEnter(mutex, LOCK);
            context.readRegs();
            DevmsanRuntime.fenceExit(mutex, LOCK);
            return null;
        });
        Model.unbind(device, () -> DevmsanRuntime.fenceSynchronize(mutex, LOCK));
        context.readRegs();

        assertEquals(List.of("OPERATION_ENTER file#1", "FENCE_ATTEMPT mutex m", "FENCE_ENTER mutex m", "ACCESS",
                "FENCE_EXIT mutex m", "OPERATION_EXIT", "UNBIND_ENTER xyz.0", "FENCE_SYNCHRONIZE mutex m",
                "UNBIND_EXIT xyz.0", "ACCESS", "DEAD_ACCESS"), events);
    }

    @Test
    void aBlockingAttemptCostsNothingUnlessArmed() {
        DevmsanRuntime.fenceAttempt(mutex, LOCK);
        assertEquals(List.of(), events);
        assertEquals(false, DevmsanRuntime.armed);
    }

    @Test
    void onlyOneExplorerAtATime() {
        ExplorerHooks.arm(this::record);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> ExplorerHooks.arm(this::record));
        assertTrue(refused.getMessage().contains("another explorer is armed"), refused.getMessage());
        ExplorerHooks.disarm();
        ExplorerHooks.arm(this::record);
    }

    @Test
    void aSiteIsDescribedForCheckpoints() {
        ExplorerHooks.SiteInfo read = ExplorerHooks.site(Model.READ);
        assertEquals(Model.CONTEXT, read.className());
        assertEquals("readRegs", read.methodName());
        assertEquals(50, read.line());
        assertTrue(read.access());
        assertEquals("read", read.accessKind());
        assertEquals(false, ExplorerHooks.site(LOCK).access());
    }

    @Test
    void aRaceIsRecordedAtTheOffendingPlaceWithTheSchedulesStackAndInterleaving() {
        Context context = probeWithContext();
        Model.unbind(device);
        context.readRegs();
        Violation offending = Devmsan.violations().get(0);

        Violation race = ExplorerHooks.recordRace(offending, Model.READ, "story-thread", List.of("a.B.c(B.java:1)"),
                "schedule UNBIND@3", List.of(new ExplorerHooks.Step(5, "story-thread", "story", "read regs")));
        assertEquals("unbind-race", race.rule());
        assertEquals(offending.accessLine(), race.accessLine());
        assertEquals(offending.resource(), race.resource());
        assertEquals("story-thread", race.thread());
        assertEquals(List.of("a.B.c(B.java:1)"), race.accessStack());
        assertEquals("read regs", race.timeline().get(0).detail());
        assertTrue(race.toText().contains("schedule UNBIND@3"), race.toText());
        assertEquals(2, Devmsan.violations().size());
        assertEquals(race, ExplorerHooks.recordRace(offending, Model.READ, "x", List.of(), "again", List.of()),
                "the same place again is the same finding");
        assertEquals(2, Devmsan.violations().size());
    }

    @Test
    void aHangIsRecordedAtTheStorysBlockingFrameWithBothStacks() {
        Violation hang = ExplorerHooks.recordHang("sensor.0", new StackTraceElement("a.Fops", "read", "Fops.java", 44),
                "a.Mutex#lock()", "story", List.of("a.Mutex.lock(Mutex.java:9)", "a.Fops.read(Fops.java:44)"),
                "unbind", List.of("a.Ref.drain(Ref.java:3)"), "neither can progress", List.of());
        assertEquals("unbind-hang", hang.rule());
        assertEquals("a.Fops", hang.accessClass());
        assertEquals(44, hang.accessLine());
        assertEquals("a.Mutex#lock()", hang.resource());
        assertEquals(List.of("a.Ref.drain(Ref.java:3)"), hang.unbindStack());
        assertTrue(hang.toText().contains("neither can progress"), hang.toText());
    }

    @Test
    void namingAnObjectWhoseToStringTouchesFreedStateIsNotAViolation() {
        Context context = probeWithContext();
        Model.unbind(device);
        Object touchy = new Object() {
            @Override
            public String toString() {
                return "regs " + context.readRegs();
            }
        };
        assertEquals("regs 0", ExplorerHooks.name(touchy));
        assertEquals(List.of(), Devmsan.violations());
    }
}
