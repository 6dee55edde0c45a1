package io.devmsan.samples.spidev;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with one SPI device bound to spidev, and what user space and the explorer do to it:
 * open its node, unbind it, unregister its character device alone, remove the device.
 */
public final class SpidevPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final SpidevDriver driver;
    private final Device device;
    private final String nodePath;

    private SpidevPlatform(Bus bus, SpidevDriver driver, Device device, String nodePath) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
        this.nodePath = nodePath;
    }

    /** Registers spidev with {@code fops} and adds a device {@code spidev.<id>}, which binds. */
    public static SpidevPlatform boot(FileOperations fops) {
        Bus bus = new Bus("spi");
        SpidevDriver driver = new SpidevDriver(fops);
        bus.registerDriver(driver);
        Device device = new Device(SpidevDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        SpidevData data = device.getDrvdata(SpidevData.class);
        if (ret < 0 || data == null) {
            throw new IllegalStateException("spidev did not bind to " + device + " (add returned " + ret + ")");
        }
        return new SpidevPlatform(bus, driver, device, Devtmpfs.path(data.dev.name()));
    }

    /** {@code open("/dev/spidev0.N")}. */
    public File open() {
        return Devtmpfs.open(nodePath);
    }

    /** The sysfs unbind: 0, or {@code -ENODEV} when no longer bound. */
    public int unbind() {
        return bus.unbind(device);
    }

    /** Deletes the character device alone, the driver staying bound; nothing when unbound already. */
    public void unregisterCdev() {
        SpidevData data = device.getDrvdata(SpidevData.class);
        if (data != null && data.cdev.isAdded()) {
            data.cdev.del();
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
