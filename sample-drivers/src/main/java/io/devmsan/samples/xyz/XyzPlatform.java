package io.devmsan.samples.xyz;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with one xyz platform device and the xyz driver bound to it: what a test boots before
 * it plays user space.
 */
public final class XyzPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final XyzDriver driver;
    private final Device device;

    private XyzPlatform(Bus bus, XyzDriver driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /** Registers the driver as posted and adds a new device {@code xyz.<id>}, which binds. */
    public static XyzPlatform boot() {
        return boot(XyzDriver.CdevRegistration.CDEV_DEVICE_ADD);
    }

    /** Registers the driver registering its cdev as {@code registration} says, and adds a device. */
    public static XyzPlatform boot(XyzDriver.CdevRegistration registration) {
        Bus bus = new Bus("platform");
        XyzDriver driver = new XyzDriver(registration);
        bus.registerDriver(driver);
        Device device = new Device(XyzDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("xyz did not bind to " + device + " (add returned " + ret + ")");
        }
        return new XyzPlatform(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The xyz platform device. */
    public Device device() {
        return device;
    }

    /**
     * The path of the ioctl device's node, found the way user space finds it (the device's child in
     * sysfs, its node in {@code /dev}); only while bound.
     */
    public String nodePath() {
        for (Device child : device.children()) {
            if (child.name().startsWith(XyzDriver.NAME)) {
                return Devtmpfs.path(child.name());
            }
        }
        throw new IllegalStateException(device + " has no ioctl device (not bound?)");
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
