package io.devmsan.samples.uio;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with one UIO platform device bound, and what user space and the explorer do to it:
 * open its node, unbind it, unregister its character device alone, remove the device.
 */
public final class UioPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final UioDriver driver;
    private final Device device;
    private final String nodePath;

    private UioPlatform(Bus bus, UioDriver driver, Device device, String nodePath) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
        this.nodePath = nodePath;
    }

    /** Registers the UIO driver with {@code fops} and adds a device {@code uio_pdrv.<id>}, which binds. */
    public static UioPlatform boot(FileOperations fops) {
        Bus bus = new Bus("platform");
        UioDriver driver = new UioDriver(new UioMinors(), fops);
        bus.registerDriver(driver);
        Device device = new Device(UioDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        UioDriver.Registration registration = device.getDrvdata(UioDriver.Registration.class);
        if (ret < 0 || registration == null) {
            throw new IllegalStateException("uio did not bind to " + device + " (add returned " + ret + ")");
        }
        return new UioPlatform(bus, driver, device, Devtmpfs.path(registration.node.dev.name()));
    }

    /** {@code open("/dev/uioN")}. */
    public File open() {
        return Devtmpfs.open(nodePath);
    }

    /** The sysfs unbind: 0, or {@code -ENODEV} when no longer bound. */
    public int unbind() {
        return bus.unbind(device);
    }

    /** Deletes the character device alone, the driver staying bound; nothing when unbound already. */
    public void unregisterCdev() {
        UioDriver.Registration registration = device.getDrvdata(UioDriver.Registration.class);
        if (registration != null && registration.node.cdev.isAdded()) {
            registration.node.cdev.del();
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
