package io.devmsan.samples.drain;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with one sensor bound, and what user space and the explorer do to it: open its debug
 * file, unbind it, unregister the file's character device alone, remove the device.
 */
public final class SensorPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final SensorDriver driver;
    private final Device device;
    private final String nodePath;

    private SensorPlatform(Bus bus, SensorDriver driver, Device device, String nodePath) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
        this.nodePath = nodePath;
    }

    /** Registers the sensor driver with {@code removal} and adds a device {@code sensor.<id>}, which binds. */
    public static SensorPlatform boot(Removal removal) {
        Bus bus = new Bus("platform");
        SensorDriver driver = new SensorDriver(removal);
        bus.registerDriver(driver);
        Device device = new Device(SensorDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        DebugFile file = device.getDrvdata(DebugFile.class);
        if (ret < 0 || file == null) {
            throw new IllegalStateException("sensor did not bind to " + device + " (add returned " + ret + ")");
        }
        return new SensorPlatform(bus, driver, device, Devtmpfs.path(file.dev.name()));
    }

    /** Opens the debug file. */
    public File open() {
        return Devtmpfs.open(nodePath);
    }

    /** The sysfs unbind: 0, or {@code -ENODEV} when no longer bound. */
    public int unbind() {
        return bus.unbind(device);
    }

    /** Deletes the file's character device alone, the driver staying bound; nothing when unbound already. */
    public void unregisterCdev() {
        DebugFile file = device.getDrvdata(DebugFile.class);
        if (file != null && file.cdev.isAdded()) {
            file.cdev.del();
        }
    }

    /** The device goes away (unbinding the driver first); nothing when already removed. */
    public void removeDevice() {
        if (bus.devices().contains(device)) {
            bus.removeDevice(device);
        }
    }

    /** Removes the device if still there and unregisters the driver. */
    public void shutdown() {
        removeDevice();
        bus.unregisterDriver(driver);
    }
}
