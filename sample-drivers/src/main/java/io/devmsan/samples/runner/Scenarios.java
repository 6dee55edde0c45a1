package io.devmsan.samples.runner;

import io.devmsan.samples.cdevkill.KdevStory;
import io.devmsan.samples.debugfsdrain.DbgStory;
import io.devmsan.samples.drain.locked.DrainUnderLockStory;
import io.devmsan.samples.drain.unlocked.DrainFirstStory;
import io.devmsan.samples.ibdetach.IbDetachStory;
import io.devmsan.samples.dmaengine.graceful.GracefulStory;
import io.devmsan.samples.dmaengine.pinned.PinnedStory;
import io.devmsan.samples.drvdata.devm.DevmCdevStory;
import io.devmsan.samples.drvdata.refcounted.RefcountedStory;
import io.devmsan.samples.gpio.GpioStory;
import io.devmsan.samples.inflight.WaitStory;
import io.devmsan.samples.irqfree.ShirqStory;
import io.devmsan.samples.modunload.counted.CountedExploration;
import io.devmsan.samples.modunload.counted.CountedStory;
import io.devmsan.samples.modunload.naive.NaiveExploration;
import io.devmsan.samples.modunload.naive.NaiveStory;
import io.devmsan.samples.spidev.locked.CheckAndUseLockedStory;
import io.devmsan.samples.spidev.unlocked.CheckThenUseStory;
import io.devmsan.samples.tpm.TpmStory;
import io.devmsan.samples.uio.locked.LookupAndGetLockedStory;
import io.devmsan.samples.uio.split.LookupThenGetStory;
import io.devmsan.samples.unprotected.RawioStory;
import io.devmsan.samples.waitclose.WcdevStory;
import io.devmsan.samples.xyz.XyzStory;
import io.devmsan.samples.xyz.hostbounded.HostBoundedStory;
import java.util.ArrayList;
import java.util.List;

/** The registry: one line per scenario, in the order the runner plays them. */
public final class Scenarios {

    private static final List<Scenario> ALL = List.of(
            new Scenario("xyz-devm-ioctl", "003", "devm context read by a cdev ioctl after unbind",
                    Verdict.VIOLATION, XyzStory.class, XyzStory::openUnbindIoctl),
            new Scenario("xyz-host-bounded-cdev", "003",
                    "devm_cdev_device_add(host): ops drained before the host's devres",
                    Verdict.CLEAN, HostBoundedStory.class, HostBoundedStory::openUnbindIoctl),
            new Scenario("tpm-strong-fence", "000", "ops cleared under a rwsem at unregister",
                    Verdict.CLEAN, TpmStory.class, TpmStory::openUnbindWrite),
            new Scenario("tpm-hw-on-chip-device", "000",
                    "HW resources devm on the chip's device, freed outside the fence",
                    Verdict.VIOLATION, TpmStory.class, TpmStory::inFlightWriteAcrossUnregister),
            new Scenario("unprotected-char-driver", "000", "devm-mapped registers used by read/write after unbind",
                    Verdict.VIOLATION, RawioStory.class, RawioStory::openUnbindReadWrite),
            new Scenario("cdev-kill", "000", "unbind kills every open file of the cdev, then devres unwinds",
                    Verdict.CLEAN, KdevStory.class, KdevStory::openUnbindRead),
            new Scenario("rwsem-wait-close", "000", "unbind waits on a rwsem until every file is closed",
                    Verdict.CLEAN, WcdevStory.class, WcdevStory::openUnbindWaitsForClose),
            new Scenario("ib-detach-fence", "000", "SRCU strong fence, open files detached, later ops fail -EIO",
                    Verdict.CLEAN, IbDetachStory.class, IbDetachStory::openUnbindDetaches),
            new Scenario("debugfs-drain", "003", "proxied ops take an active ref; removal drains them",
                    Verdict.CLEAN, DbgStory.class, DbgStory::openUnbindRead),
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
                    Verdict.VIOLATION, NaiveStory.class, NaiveStory::rmmodRacingOpen, NaiveExploration.exploration()),
            new Scenario("module-unload-counted", "002",
                    "unloading flag and entrance/exit counters drained before unmap",
                    Verdict.CLEAN, CountedStory.class, CountedStory::rmmodRacingOpen, CountedExploration.exploration()),
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
                    Verdict.VIOLATION, WaitStory.class, WaitStory::ioctlSleepsAcrossUnbind),
            Scenario.explored("check-then-use-unlocked", "notes", "spidev: checked under the lock, used after unlocking",
                    Verdict.VIOLATION, CheckThenUseStory.class, CheckThenUseStory.exploration()),
            Scenario.explored("check-then-use-unlocked-fixed", "notes", "spidev: checked and used under one lock",
                    Verdict.CLEAN, CheckAndUseLockedStory.class, CheckAndUseLockedStory.exploration()),
            Scenario.explored("lookup-then-get", "notes", "UIO open: looked up, then referenced after unlocking",
                    Verdict.VIOLATION, LookupThenGetStory.class, LookupThenGetStory.exploration()),
            Scenario.explored("lookup-then-get-fixed", "notes", "UIO open: looked up and referenced under one lock",
                    Verdict.CLEAN, LookupAndGetLockedStory.class, LookupAndGetLockedStory.exploration()),
            Scenario.explored("drain-under-lock-hang", "notes", "removal drains readers holding a lock they need",
                    Verdict.HANG, DrainUnderLockStory.class, DrainUnderLockStory.exploration()),
            Scenario.explored("drain-under-lock-fixed", "notes", "removal drains readers before taking the lock",
                    Verdict.CLEAN, DrainFirstStory.class, DrainFirstStory.exploration()));

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
