package io.devmsan.samples.runner;

import io.devmsan.samples.dmaengine.graceful.GracefulStory;
import io.devmsan.samples.dmaengine.pinned.PinnedStory;
import io.devmsan.samples.drvdata.devm.DevmCdevStory;
import io.devmsan.samples.drvdata.refcounted.RefcountedStory;
import io.devmsan.samples.gpio.GpioStory;
import io.devmsan.samples.inflight.WaitStory;
import io.devmsan.samples.irqfree.ShirqStory;
import io.devmsan.samples.modunload.counted.CountedStory;
import io.devmsan.samples.modunload.naive.NaiveStory;
import io.devmsan.samples.tpm.TpmStory;
import io.devmsan.samples.xyz.XyzStory;
import java.util.ArrayList;
import java.util.List;

/** The registry: one line per scenario, in the order the runner plays them. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new Scenario("xyz-devm-ioctl", "003", "devm context read by a cdev ioctl after unbind",
                    Verdict.VIOLATION, XyzStory.class, XyzStory::openUnbindIoctl),
            new Scenario("tpm-strong-fence", "000", "ops cleared under a rwsem at unregister",
                    Verdict.CLEAN, TpmStory.class, TpmStory::openUnbindWrite),
            new Scenario("gpio-numbed", "001",
                    "refcounted gpio_device numbed after chip removal: ops succeed as no-ops",
                    Verdict.CLEAN, GpioStory.class, GpioStory::openUnbindNumbed),
            new Scenario("refcounted-drvdata", "001",
                    "plain refcounted drvdata freed by the release() callback",
                    Verdict.CLEAN, RefcountedStory.class, RefcountedStory::openUnbindReadClose),
            new Scenario("devm-drvdata-cdev", "001",
                    "devm drvdata behind a cdev, touched by release() after unbind",
                    Verdict.VIOLATION, DevmCdevStory.class, DevmCdevStory::openUnbindClose),
            new Scenario("module-unload-naive", "002",
                    "unload frees the module mutex a racing open then takes",
                    Verdict.VIOLATION, NaiveStory.class, NaiveStory::rmmodRacingOpen),
            new Scenario("module-unload-counted", "002",
                    "unloading flag and entrance/exit counters drained before unmap",
                    Verdict.CLEAN, CountedStory.class, CountedStory::rmmodRacingOpen),
            new Scenario("dmaengine-module-pinned", "004",
                    "consumer pins the provider module; provider unbound anyway",
                    Verdict.VIOLATION, PinnedStory.class, PinnedStory::pinnedModuleUnboundDevice),
            new Scenario("dmaengine-graceful", "004",
                    "refcounted channel state, error status once the device is gone",
                    Verdict.CLEAN, GracefulStory.class, GracefulStory::unboundProviderFailsCopies),
            new Scenario("irq-after-free", "-",
                    "devm irq registered before its data; DEBUG_SHIRQ fires into it",
                    Verdict.VIOLATION, ShirqStory.class, ShirqStory::receiveThenUnbind),
            new Scenario("in-flight-ioctl-across-unbind", "003",
                    "ioctl sleeping across unbind resumes into the freed context",
                    Verdict.VIOLATION, WaitStory.class, WaitStory::ioctlSleepsAcrossUnbind));

    private Scenarios() {
    }

    /** Every scenario, in registration order. */
    public static List<Scenario> all() {
        return ALL;
    }

    /** The scenario with this id, or null. */
    public static Scenario find(String id) {
        for (Scenario scenario : ALL) {
            if (scenario.id().equals(id)) {
                return scenario;
            }
        }
        return null;
    }

    /** Every id, in registration order. */
    public static List<String> ids() {
        List<String> ids = new ArrayList<>(ALL.size());
        for (Scenario scenario : ALL) {
            ids.add(scenario.id());
        }
        return ids;
    }
}
