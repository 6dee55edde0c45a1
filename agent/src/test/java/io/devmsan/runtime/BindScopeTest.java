package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Buffer;
import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Holder;
import io.devmsan.runtime.Model.Thing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class BindScopeTest extends RuntimeTest {

    private final Thing device = new Thing("xyz.0");

    private Context probeWithContext() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        return context.get();
    }

    @Test
    void accessBeforeUnbindIsNotAViolation() {
        Context context = probeWithContext();
        context.writeRegs(3);
        assertEquals(3, context.readRegs());
        context.reset();
        assertEquals(List.of(), Devmsan.violations());
        assertEquals("", console());
    }

    @Test
    void accessAfterUnbindIsReportedOnceWithCount() {
        Context context = probeWithContext();
        Model.unbind(device);
        for (int i = 0; i < 5; i++) {
            context.readRegs();
        }
        List<Violation> violations = Devmsan.violations();
        assertEquals(1, violations.size());
        Violation v = violations.get(0);
        assertEquals("use-after-unbind", v.rule());
        assertEquals(Model.CONTEXT + "#regs", v.resource());
        assertEquals("read", v.accessKind());
        assertEquals("xyz.0", v.device());
        assertEquals(Thread.currentThread().getName(), v.thread());
        assertEquals(Model.CONTEXT, v.accessClass());
        assertEquals("readRegs", v.accessMethod());
        assertEquals("Model.java", v.accessFile());
        assertEquals(50, v.accessLine());
        assertEquals(5, v.count());
        assertTrue(v.failing());
        assertTrue(v.accessStack().get(0).startsWith("io.devmsan.runtime.Model$Context.readRegs("),
                v.accessStack().toString());
        assertTrue(v.unbindStack().get(0).startsWith("io.devmsan.runtime.Model.unbind("), v.unbindStack().toString());
        assertTrue(v.allocationStack().get(0).startsWith("io.devmsan.runtime.Model$Context.<init>("),
                v.allocationStack().toString());
        String console = console();
        assertEquals(1, occurrences(console, "BUG: devmsan: use-after-unbind"), console);
    }

    @Test
    void writeAndCallAreReportedWithTheirAccessKind() {
        Context context = probeWithContext();
        Model.unbind(device);
        context.writeRegs(1);
        context.reset();
        List<Violation> violations = Devmsan.violations();
        assertEquals(List.of("write", "call"), violations.stream().map(Violation::accessKind).toList());
    }

    @Test
    void objectsAllocatedOutsideProbeAreNotOwned() {
        Context context = new Context();
        assertNull(context.devmsan$owner);
        Model.probe(device, () -> { });
        Model.unbind(device);
        context.readRegs();
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void nullScopedValueIsNotAViolation() {
        Holder holder = new Holder();
        Model.probe(device, () -> holder.store(new Object()));
        assertNotNull(holder.devmsan$value);
        Model.unbind(device);
        holder.value = null; // cleared by the driver, as it should be
        assertNull(holder.read());
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void scopedValueReadAfterUnbindIsReported() {
        Holder holder = new Holder();
        Model.probe(device, () -> holder.store(new Object()));
        holder.read();
        assertEquals(List.of(), Devmsan.violations());
        Model.unbind(device);
        holder.read();
        Violation v = Devmsan.violations().get(0);
        assertEquals(Model.HOLDER + "#value", v.resource());
        assertEquals("read", v.accessKind());
        assertTrue(v.allocationStack().get(0).startsWith("io.devmsan.runtime.Model$Holder.store("),
                v.allocationStack().toString());
    }

    @Test
    void storeOutsideProbeGetsNoOwner() {
        Holder holder = new Holder();
        holder.store(new Object());
        assertNull(holder.devmsan$value);
    }

    @Test
    void failedProbeReleasesTheScope() {
        AtomicReference<Context> context = new AtomicReference<>();
        assertThrows(IllegalStateException.class, () -> Model.probe(device, () -> {
            context.set(new Context());
            throw new IllegalStateException("no irq");
        }));
        assertEquals(0, Core.activeProbes);
        context.get().readRegs();
        Violation v = Devmsan.violations().get(0);
        assertEquals("use-after-unbind", v.rule());
        assertTrue(v.toText().contains("Freed by failed probe of device xyz.0"), v.toText());
        assertTrue(v.unbindStack().get(0).startsWith("io.devmsan.runtime.Model.probe("), v.unbindStack().toString());
    }

    @Test
    void activeProbesCountsThreadsInsideAProbe() {
        assertEquals(0, Core.activeProbes);
        Model.probe(device, () -> {
            assertEquals(1, Core.activeProbes);
            Model.probe(new Thing("child.0"), () -> assertEquals(1, Core.activeProbes));
            assertEquals(1, Core.activeProbes);
        });
        assertEquals(0, Core.activeProbes);
    }

    @Test
    void nestedProbeOwnsByTheInnermostScope() {
        Thing child = new Thing("child.0");
        AtomicReference<Context> parentOwned = new AtomicReference<>();
        AtomicReference<Context> childOwned = new AtomicReference<>();
        Model.probe(device, () -> {
            Model.probe(child, () -> childOwned.set(new Context()));
            parentOwned.set(new Context());
        });
        Model.unbind(child);
        parentOwned.get().readRegs();
        assertEquals(List.of(), Devmsan.violations());
        childOwned.get().readRegs();
        assertEquals("child.0", Devmsan.violations().get(0).device());
    }

    @Test
    void reprobeOpensAFreshScope() {
        Context first = probeWithContext();
        Model.unbind(device);
        Context second = probeWithContext();
        second.readRegs();
        assertEquals(List.of(), Devmsan.violations());
        first.readRegs();
        assertEquals(1, Devmsan.violations().size());
        assertTrue(Devmsan.violations().get(0).timeline().stream()
                .anyMatch(e -> e.event().equals("probe") && "generation 2".equals(e.detail())));
    }

    @Test
    void adoptedObjectDiesAtUnbind() {
        Buffer buffer = new Buffer();
        Model.probe(device, () -> { });
        DevmsanRuntime.adopt(device, buffer, Model.ADOPT);
        assertNotNull(buffer.devmsan$owner);
        buffer.length();
        assertEquals(List.of(), Devmsan.violations());
        Model.unbind(device);
        buffer.length();
        Violation v = Devmsan.violations().get(0);
        assertTrue(v.toText().contains("Adopted by devres of device xyz.0"), v.toText());
    }

    @Test
    void adoptIgnoresObjectsWithoutOwnerField() {
        Model.probe(device, () -> { });
        DevmsanRuntime.adopt(device, new Object(), Model.ADOPT);
        DevmsanRuntime.adopt(device, "a string", Model.ADOPT);
        assertEquals("", console());
    }

    @io.devmsan.annotations.ScopeOwned(io.devmsan.annotations.ScopeOwned.Ownership.ADOPTED)
    static class NotRewritten {
    }

    static final class NotRewrittenSubclass extends NotRewritten {
    }

    @Test
    void adoptOfAScopeOwnedClassWithoutOwnerFieldIsLoggedOnce() {
        Model.probe(device, () -> { });
        DevmsanRuntime.adopt(device, new NotRewrittenSubclass(), Model.ADOPT);
        DevmsanRuntime.adopt(device, new NotRewrittenSubclass(), Model.ADOPT);
        assertEquals(1, occurrences(console(), "NotRewrittenSubclass is @ScopeOwned but has no devmsan$owner field"),
                console());
    }

    @Test
    void deviceWhoseToStringFailsIsNamedByIdentity() {
        Object nasty = new Object() {
            @Override
            public String toString() {
                throw new IllegalStateException("not yet named");
            }
        };
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(nasty, () -> context.set(new Context()));
        Model.unbind(nasty);
        context.get().readRegs();
        assertEquals(Names.identity(nasty), Devmsan.violations().get(0).device());
    }

    @Test
    void provenanceNoneSharesTheScopeTokenAndReportsTheProbeStack() {
        reset(config().withProvenance(RuntimeConfig.Provenance.NONE));
        AtomicReference<Context> a = new AtomicReference<>();
        AtomicReference<Context> b = new AtomicReference<>();
        Model.probe(device, () -> {
            a.set(new Context());
            b.set(new Context());
        });
        assertSame(a.get().devmsan$owner, b.get().devmsan$owner);
        Model.unbind(device);
        a.get().readRegs();
        Violation v = Devmsan.violations().get(0);
        assertTrue(v.allocationStack().get(0).startsWith("io.devmsan.runtime.Model.probe("),
                v.allocationStack().toString());
        assertTrue(v.toText().contains("Bind scope opened in probe of device xyz.0"), v.toText());
    }

    @Test
    void provenanceLightGivesEachObjectItsOwnToken() {
        AtomicReference<Context> a = new AtomicReference<>();
        AtomicReference<Context> b = new AtomicReference<>();
        Model.probe(device, () -> {
            a.set(new Context());
            b.set(new Context());
        });
        assertNotSame(a.get().devmsan$owner, b.get().devmsan$owner);
        assertFalse(((Lifetime) a.get().devmsan$owner).isScope());
    }

    @Test
    void releasedScopeDropsItsChildList() {
        Model.probe(device, () -> new Context());
        Lifetime scope = Core.registry().devices.get(device).scope;
        Lifetime late = scope.child(Lifetime.Origin.ADOPTED, List.of());
        assertFalse(late.isDead());
        Model.unbind(device);
        assertTrue(late.isDead());
        Lifetime afterRelease = scope.child(Lifetime.Origin.ADOPTED, List.of());
        assertTrue(afterRelease.isDead(), "a child of a released scope is born dead");
    }

    @Test
    void childListForgetsCollectedChildren() {
        Lifetime scope = Lifetime.scope(new DeviceRecord("d"), 1, List.of());
        for (int i = 1; i <= 100_000; i++) {
            scope.child(Lifetime.Origin.ALLOCATED, List.of()); // owned object dropped at once
            if (i % 10_000 == 0) {
                System.gc();
            }
        }
        // Nobody references the children: the list compacts as it grows instead of holding all.
        assertTrue(scope.childrenHeld() < 50_000, "held " + scope.childrenHeld());
    }

    private static int occurrences(String text, String part) {
        int count = 0;
        for (int i = text.indexOf(part); i >= 0; i = text.indexOf(part, i + 1)) {
            count++;
        }
        return count;
    }
}
