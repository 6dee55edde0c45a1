package io.devmsan.kernel.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class DriverCoreTest {

    @Test
    void devresIsReleasedInReverseOrderRightAfterRemove() {
        Bus bus = new Bus("platform");
        RecordingDriver drv = RecordingDriver.succeeding("rec", 3);
        bus.registerDriver(drv);
        Device dev = new Device("rec.0");
        bus.addDevice(dev);
        assertSame(drv, dev.driver());
        assertEquals(3, dev.devres().size());

        assertEquals(0, bus.unbind(dev));

        assertEquals(List.of("probe rec.0", "remove rec.0", "release a2", "release a1", "release a0"), drv.log);
        assertEquals(0, dev.devres().size());
        assertNull(dev.driver());
        assertNull(dev.getDrvdata(), "the driver core clears drvdata at unbind");
    }

    @Test
    void failedProbeReleasesDevresInReverseOrderAndLeavesTheDeviceUnbound() {
        Bus bus = new Bus("platform");
        RecordingDriver drv = new RecordingDriver("rec", 2, dev -> -Errno.EIO);
        bus.registerDriver(drv);
        Device dev = new Device("rec.0");

        assertEquals(0, bus.addDevice(dev), "device_add succeeds even when no driver binds");
        assertEquals(List.of("probe rec.0", "release a1", "release a0"), drv.log);
        assertNull(dev.driver());
        assertNull(dev.getDrvdata());
        assertEquals(-Errno.EIO, bus.bind(dev, "rec"), "sysfs bind reports the probe's error");
        assertEquals(-Errno.ENODEV, bus.unbind(dev), "nothing to unbind");
    }

    @Test
    void positiveProbeResultCountsAsFailure() {
        Bus bus = new Bus("platform");
        RecordingDriver drv = new RecordingDriver("rec", 1, dev -> 1);
        bus.registerDriver(drv);
        Device dev = new Device("rec");
        bus.addDevice(dev);
        assertEquals(-Errno.EINVAL, bus.bind(dev));
        assertNull(dev.driver());
    }

    @Test
    void throwingProbeReleasesDevresAndPropagates() {
        Bus bus = new Bus("platform");
        RecordingDriver drv = new RecordingDriver("rec", 2, dev -> {
            throw new IllegalArgumentException("driver bug");
        });
        bus.registerDriver(drv);
        Device dev = new Device("rec.1");
        assertThrows(IllegalArgumentException.class, () -> bus.addDevice(dev));
        assertEquals(List.of("probe rec.1", "release a1", "release a0"), drv.log);
        assertNull(dev.driver());
    }

    @Test
    void driversMatchDevicesByNameOrNameDotId() {
        Bus bus = new Bus("platform");
        Device exact = new Device("foo");
        Device withId = new Device("foo.3");
        Device other = new Device("foobar.0");
        bus.addDevice(exact);
        bus.addDevice(withId);
        bus.addDevice(other);
        RecordingDriver drv = RecordingDriver.succeeding("foo", 0);

        bus.registerDriver(drv);

        assertSame(drv, exact.driver());
        assertSame(drv, withId.driver());
        assertNull(other.driver());
        assertEquals(-Errno.ENODEV, bus.bind(other, "foo"));
        assertEquals(-Errno.EBUSY, bus.registerDriver(RecordingDriver.succeeding("foo", 0)));
        assertEquals(-Errno.EEXIST, bus.addDevice(new Device("foo")));
    }

    @Test
    void rebindProbesAgainWithAFreshDevresList() {
        Bus bus = new Bus("platform");
        RecordingDriver drv = RecordingDriver.succeeding("rec", 1);
        bus.registerDriver(drv);
        Device dev = new Device("rec.0");
        bus.addDevice(dev);

        assertEquals(0, bus.rebind(dev));

        assertEquals(List.of("probe rec.0", "remove rec.0", "release a0", "probe rec.0"), drv.log);
        assertEquals(1, dev.devres().size());
        assertEquals(-Errno.EBUSY, bus.bind(dev), "already bound");
    }

    @Test
    void unregisteringTheDriverUnbindsItsDevices() {
        Bus bus = new Bus("platform");
        RecordingDriver drv = RecordingDriver.succeeding("rec", 1);
        bus.registerDriver(drv);
        Device a = new Device("rec.0");
        Device b = new Device("rec.1");
        bus.addDevice(a);
        bus.addDevice(b);

        bus.unregisterDriver(drv);

        assertNull(a.driver());
        assertNull(b.driver());
        assertEquals(List.of("probe rec.0", "probe rec.1", "remove rec.0", "release a0", "remove rec.1",
                "release a0"), drv.log);
    }

    @Test
    void removingTheDeviceUnbindsItAndDropsTheBusReference() {
        AtomicInteger releases = new AtomicInteger();
        Bus bus = new Bus("platform");
        RecordingDriver drv = RecordingDriver.succeeding("rec", 1);
        bus.registerDriver(drv);
        Device dev = new Device("rec.0", null, d -> releases.incrementAndGet());
        bus.addDevice(dev);
        assertEquals(2, dev.refcount(), "ours and the bus's");

        bus.removeDevice(dev);

        assertEquals(List.of("probe rec.0", "remove rec.0", "release a0"), drv.log);
        assertEquals(0, releases.get());
        dev.put();
        assertEquals(1, releases.get(), "released on the last put");
    }

    @Test
    void unbindFromAnotherThreadWaitsForTheProbeInProgress() throws Exception {
        CountDownLatch inProbe = new CountDownLatch(1);
        CountDownLatch finishProbe = new CountDownLatch(1);
        Bus bus = new Bus("platform");
        RecordingDriver drv = new RecordingDriver("slow", 1, dev -> {
            inProbe.countDown();
            try {
                assertTrue(finishProbe.await(10, TimeUnit.SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 0;
        });
        bus.registerDriver(drv);
        Device dev = new Device("slow.0");
        Thread prober = Await.start("prober", () -> bus.addDevice(dev));
        assertTrue(inProbe.await(10, TimeUnit.SECONDS));

        var unbound = bus.unbindAsync(dev);
        Await.until(() -> dev.driver() != null && !unbound.isDone()
                && threadNamed("sysfs-unbind slow.0") != null
                && threadNamed("sysfs-unbind slow.0").getState() == Thread.State.WAITING,
                "the unbind to wait for the device lock");
        assertFalse(unbound.isDone());

        finishProbe.countDown();
        assertEquals(0, unbound.get(10, TimeUnit.SECONDS));
        Await.joined(prober);
        assertEquals(List.of("probe slow.0", "remove slow.0", "release a0"), drv.log);
    }

    @Test
    void deviceReleaseRunsOnceOnTheLastPutAndLaterGetsAreUseAfterFree() {
        AtomicInteger releases = new AtomicInteger();
        Device dev = new Device("d", null, d -> releases.incrementAndGet());
        dev.get();
        dev.put();
        assertEquals(0, releases.get());
        dev.put();
        assertEquals(1, releases.get());
        assertThrows(IllegalStateException.class, dev::get);
        assertThrows(IllegalStateException.class, dev::put);
        assertEquals(1, releases.get());
    }

    @Test
    void addingAChildPinsTheParentUntilItIsDeleted() {
        AtomicInteger parentReleases = new AtomicInteger();
        Device parent = new Device("parent", null, d -> parentReleases.incrementAndGet());
        Device child = new Device("child", parent, null);
        assertEquals(0, child.add());
        assertEquals(-Errno.EBUSY, child.add());
        assertEquals(-Errno.EEXIST, new Device("child", parent, null).add());
        assertEquals(List.of(child), parent.children());

        parent.put();
        assertEquals(0, parentReleases.get(), "the child pins its parent");
        child.del();
        assertEquals(1, parentReleases.get());
        assertEquals(List.of(), parent.children());
    }

    private static Thread threadNamed(String name) {
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.getName().equals(name)) {
                return thread;
            }
        }
        return null;
    }
}
