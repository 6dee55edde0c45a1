package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FenceAnalysisTest extends RuntimeTest {

    private static final int FENCE = Sites.register(Sites.Kind.LIFECYCLE, "a.Rwsem", "downRead", null, -1, "down_read");

    private final Thing device = new Thing("spidev.0");
    private final Thing file = new Thing("file#1");
    private final Thing spiLock = new Thing("mutex spi_lock");
    private final Thing bufLock = new Thing("mutex buf_lock");

    @AfterEach
    void analysisOff() {
        FenceAnalysis.stop();
    }

    private Context probeWithContext() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> context.set(new Context()));
        return context.get();
    }

    private void readUnder(Context context, Thing... fences) {
        Model.inOperation(Model.IOCTL, file, () -> {
            for (Thing fence : fences) {
                DevmsanRuntime.fenceEnter(fence, FENCE);
            }
            context.readRegs();
            for (Thing fence : fences) {
                DevmsanRuntime.fenceExit(fence, FENCE);
            }
            return null;
        });
    }

    private void unbindSynchronizing(Thing fence) {
        Model.unbind(device, () -> DevmsanRuntime.fenceSynchronize(fence, FENCE));
    }

    @Test
    void anAccessUnderAFenceTheUnbindSynchronizesWithIsNotReported() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        readUnder(context, spiLock);
        unbindSynchronizing(spiLock);
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void anAccessWithoutAFenceIsReportedWhenTheDeviceUnbindsThoughNoUnbindRacedIt() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        readUnder(context);
        assertEquals(List.of(), Devmsan.violations(), "judged at the unbind, not at the access");
        unbindSynchronizing(spiLock);

        List<Violation> found = Devmsan.violations();
        assertEquals(1, found.size(), found.toString());
        Violation v = found.get(0);
        assertEquals("unfenced-access", v.rule());
        assertEquals(Model.CONTEXT + "#regs", v.resource());
        assertEquals("spidev.0", v.device());
        assertEquals("ioctl", v.fileOperation().name());
        assertTrue(v.accessStack().stream().anyMatch(f -> f.contains("FenceAnalysisTest.readUnder")), v.toText());
        assertTrue(v.unbindStack().stream().anyMatch(f -> f.contains("FenceAnalysisTest.unbindSynchronizing")),
                v.toText());
        assertTrue(v.toText().contains("synchronized with mutex spi_lock"), v.toText());
    }

    @Test
    void holdingAFenceTheUnbindDoesNotSynchronizeWithDoesNotCount() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        readUnder(context, bufLock);
        unbindSynchronizing(spiLock);

        List<Violation> found = Devmsan.violations();
        assertEquals(1, found.size(), found.toString());
        String text = found.get(0).toText();
        assertTrue(text.contains("held only mutex buf_lock") && text.contains("synchronized with mutex spi_lock"), text);
    }

    @Test
    void stateFreedDuringTheUnbindIsFencedOnlyByWhatTheUnbindSynchronizedBeforeFreeingIt() {
        Context early = probeWithContext();
        FenceAnalysis.start();
        readUnder(early, spiLock);
        Model.unbind(device, () -> {
            DevmsanRuntime.free(early, Model.FREE);   // an early devres unwind
            DevmsanRuntime.fenceSynchronize(spiLock, FENCE);
        });
        List<Violation> found = Devmsan.violations();
        assertEquals(1, found.size(), found.toString());
        assertTrue(found.get(0).toText().contains("freed this state before synchronizing"), found.get(0).toText());

        Context late = probeWithContext();
        readUnder(late, spiLock);
        Model.unbind(device, () -> {
            DevmsanRuntime.fenceSynchronize(spiLock, FENCE);
            DevmsanRuntime.free(late, Model.FREE);
        });
        assertEquals(1, Devmsan.violations().size(), "freed after the fence: fenced");
    }

    @Test
    void aFenceTheRemovalPathSynchronizedJustBeforeItsUnbindCountsForIt() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        readUnder(context, spiLock);
        // Like Bus.unbind taking the device lock, or a module's exit, before the unbind point.
        DevmsanRuntime.fenceSynchronize(spiLock, FENCE);
        Model.unbind(device);
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void aSynchronizeMadeInsideAnEntryPointIsNotPartOfALaterRemovalPath() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        readUnder(context, spiLock);
        Model.inOperation(Model.IOCTL, file, () -> {
            DevmsanRuntime.fenceSynchronize(spiLock, FENCE);
            return null;
        });
        Model.unbind(device);
        assertEquals(1, Devmsan.violations().size());
    }

    @Test
    void accessesOutsideEntryPointsAreNotJudged() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        context.readRegs();
        unbindSynchronizing(spiLock);
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void anAccessAfterTheUnbindIsAUseAfterUnbindNotAPrediction() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        unbindSynchronizing(spiLock);
        readUnder(context);
        List<Violation> found = Devmsan.violations();
        assertEquals(1, found.size(), found.toString());
        assertEquals("use-after-unbind", found.get(0).rule());
    }

    @Test
    void offUntilStartedAndStopForgetsWhatNoUnbindJudged() {
        Context context = probeWithContext();
        assertFalse(FenceAnalysis.isOn());
        assertFalse(DevmsanRuntime.armed, "the hot path stays unarmed while off");
        readUnder(context);

        FenceAnalysis.start();
        assertTrue(DevmsanRuntime.armed);
        readUnder(context, bufLock);
        assertEquals(1, FenceAnalysis.stop(), "one access was waiting for an unbind");
        assertFalse(DevmsanRuntime.armed);
        unbindSynchronizing(spiLock);
        assertEquals(List.of(), Devmsan.violations());
    }

    @Test
    void oneReportPerPlaceHoweverOftenTheAccessRepeats() {
        Context context = probeWithContext();
        FenceAnalysis.start();
        for (int i = 0; i < 5; i++) {
            readUnder(context);
        }
        unbindSynchronizing(spiLock);
        assertEquals(1, Devmsan.violations().size());
    }

    @Test
    void theFingerprintOfAFindingIsItsOwnNotTheUseAfterUnbindOfTheSameSite() {
        Site site = SiteTable.INSTANCE.get(Model.READ);
        String unbind = site.fingerprint("use-after-unbind");
        assertFalse(unbind.equals(site.fingerprint("unfenced-access")));
        assertFalse(unbind.equals(site.fingerprint("unbind-race")));
        assertEquals(unbind, site.fingerprint("use-after-unbind"));
    }
}
