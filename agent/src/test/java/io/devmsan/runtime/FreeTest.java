package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class FreeTest extends RuntimeTest {

    private final Thing device = new Thing("xyz.0");

    private Context[] probeWithContexts(int n) {
        Context[] contexts = new Context[n];
        Model.probe(device, () -> {
            for (int i = 0; i < n; i++) {
                contexts[i] = new Context();
            }
        });
        return contexts;
    }

    @Test
    void accessAfterFreeIsUseAfterFree() {
        Context context = probeWithContexts(1)[0];
        DevmsanRuntime.free(context, Model.FREE);
        context.readRegs();
        Violation v = Devmsan.violations().get(0);
        assertEquals("use-after-free", v.rule());
        assertTrue(v.unbindStack().get(0).startsWith("io.devmsan.runtime.FreeTest.accessAfterFreeIsUseAfterFree("),
                v.unbindStack().toString());
        assertTrue(v.toText().contains("Freed on thread \"" + Thread.currentThread().getName()
                + "\" (owned by device xyz.0)"), v.toText());
    }

    @Test
    void freeKillsOnlyTheFreedObject() {
        Context[] contexts = probeWithContexts(2);
        DevmsanRuntime.free(contexts[0], Model.FREE);
        contexts[1].readRegs();
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void freeInsideUnbindIsUseAfterUnbind() {
        Context context = probeWithContexts(1)[0];
        Model.unbind(device, () -> DevmsanRuntime.free(context, Model.FREE));
        context.readRegs();
        Violation v = Devmsan.violations().get(0);
        assertEquals("use-after-unbind", v.rule());
        assertTrue(v.toText().contains("Freed during unbind of device xyz.0"), v.toText());
    }

    @Test
    void freeBeforeUnbindAndAccessAfterUnbindStaysUseAfterFree() {
        Context context = probeWithContexts(1)[0];
        DevmsanRuntime.free(context, Model.FREE);
        Model.unbind(device);
        context.readRegs();
        assertEquals("use-after-free", Devmsan.violations().get(0).rule());
    }

    @Test
    void freeWithSharedScopeTokenKillsOnlyThatObject() {
        reset(config().withProvenance(RuntimeConfig.Provenance.NONE));
        Context[] contexts = probeWithContexts(2);
        Object shared = contexts[0].devmsan$owner;
        DevmsanRuntime.free(contexts[0], Model.FREE);
        assertNotSame(shared, contexts[0].devmsan$owner, "the freed object gets its own dead token");
        contexts[1].readRegs();
        assertEquals(List.of(), Devmsan.violations());
        contexts[0].readRegs();
        assertEquals("use-after-free", Devmsan.violations().get(0).rule());
    }

    @Test
    void freeOfAnUntrackedObjectIsIgnored() {
        DevmsanRuntime.free(new Object(), Model.FREE);
        DevmsanRuntime.free(new Context(), Model.FREE); // allocated outside probe: not owned
        DevmsanRuntime.free(null, Model.FREE);
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void freeAndUnbindReportDifferentFingerprints() {
        AtomicReference<Context[]> contexts = new AtomicReference<>();
        contexts.set(probeWithContexts(2));
        DevmsanRuntime.free(contexts.get()[0], Model.FREE);
        Model.unbind(device);
        contexts.get()[0].readRegs();
        contexts.get()[1].readRegs();
        List<Violation> violations = Devmsan.violations();
        assertEquals(List.of("use-after-free", "use-after-unbind"), violations.stream().map(Violation::rule).toList());
        assertTrue(!violations.get(0).fingerprint().equals(violations.get(1).fingerprint()));
    }
}
