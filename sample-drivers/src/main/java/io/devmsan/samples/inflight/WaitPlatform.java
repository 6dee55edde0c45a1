package io.devmsan.samples.inflight;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/** A machine with one {@code xyzwait} platform device and its driver bound to it. */
public final class WaitPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final WaitDriver driver;
    private final Device device;

    private WaitPlatform(Bus bus, WaitDriver driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /** Registers the driver and adds a new device {@code xyzwait.<id>}, which binds. */
    public static WaitPlatform boot() {
        Bus bus = new Bus("platform");
        WaitDriver driver = new WaitDriver();
        bus.registerDriver(driver);
        Device device = new Device(WaitDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("xyzwait did not bind to " + device + " (add returned " + ret + ")");
        }
        return new WaitPlatform(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The platform device. */
    public Device device() {
        return device;
    }

    /** The node's path, {@code /dev/xyzwait<id>}. */
    public String nodePath() {
        return Devtmpfs.path(WaitDriver.nodeName(device));
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
