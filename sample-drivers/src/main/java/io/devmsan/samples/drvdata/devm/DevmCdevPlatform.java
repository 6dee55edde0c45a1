package io.devmsan.samples.drvdata.devm;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/** A machine with one {@code devmcdev} platform device and its driver bound to it. */
public final class DevmCdevPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final DevmCdevDriver driver;
    private final Device device;

    private DevmCdevPlatform(Bus bus, DevmCdevDriver driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /** Registers the driver and adds a new device {@code devmcdev.<id>}, which binds. */
    public static DevmCdevPlatform boot() {
        Bus bus = new Bus("platform");
        DevmCdevDriver driver = new DevmCdevDriver();
        bus.registerDriver(driver);
        Device device = new Device(DevmCdevDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("devmcdev did not bind to " + device + " (add returned " + ret + ")");
        }
        return new DevmCdevPlatform(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The platform device. */
    public Device device() {
        return device;
    }

    /** The node's path, {@code /dev/devmcdev<id>}. */
    public String nodePath() {
        return Devtmpfs.path(DevmCdevDriver.nodeName(device));
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
