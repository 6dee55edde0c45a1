package io.devmsan.samples.drvdata.refcounted;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/** A machine with one {@code refcdev} platform device and its driver bound to it. */
public final class RefcountedPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final RefcountedDriver driver;
    private final Device device;

    private RefcountedPlatform(Bus bus, RefcountedDriver driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /** Registers the driver and adds a new device {@code refcdev.<id>}, which binds. */
    public static RefcountedPlatform boot() {
        Bus bus = new Bus("platform");
        RefcountedDriver driver = new RefcountedDriver();
        bus.registerDriver(driver);
        Device device = new Device(RefcountedDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("refcdev did not bind to " + device + " (add returned " + ret + ")");
        }
        return new RefcountedPlatform(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The platform device. */
    public Device device() {
        return device;
    }

    /** The node's path, {@code /dev/refcdev<id>}; the same after every bind. */
    public String nodePath() {
        return Devtmpfs.path(RefcountedDriver.nodeName(device));
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
