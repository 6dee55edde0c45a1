package io.devmsan.samples.spidev;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.runner.Machine;

/**
 * A machine with one SPI device bound to spidev, and what user space and the explorer do to it:
 * open its node, unbind it, unregister its character device alone, remove the device.
 */
public final class SpidevPlatform {

    private final Machine machine;
    private final String nodePath;

    private SpidevPlatform(Machine machine, String nodePath) {
        this.machine = machine;
        this.nodePath = nodePath;
    }

    /** Registers spidev with {@code fops} and adds a device {@code spidev.<id>}, which binds. */
    public static SpidevPlatform boot(FileOperations fops) {
        Machine machine = Machine.boot("spi", new SpidevDriver(fops));
        SpidevData data = machine.device().getDrvdata(SpidevData.class);
        return new SpidevPlatform(machine, Devtmpfs.path(data.dev.name()));
    }

    /** {@code open("/dev/spidev0.N")}. */
    public File open() {
        return Devtmpfs.open(nodePath);
    }

    /** The sysfs unbind: 0, or {@code -ENODEV} when no longer bound. */
    public int unbind() {
        return machine.unbind();
    }

    /** Deletes the character device alone, the driver staying bound; nothing when unbound already. */
    public void unregisterCdev() {
        SpidevData data = machine.device().getDrvdata(SpidevData.class);
        if (data != null && data.cdev.isAdded()) {
            data.cdev.del();
        }
    }

    /** The device goes away (unbinding the driver first); nothing when already removed. */
    public void removeDevice() {
        machine.removeDevice();
    }

    /** Removes the device if still there and unregisters the driver. */
    public void shutdown() {
        machine.shutdown();
    }
}
