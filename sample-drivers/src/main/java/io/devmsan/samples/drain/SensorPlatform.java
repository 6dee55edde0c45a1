package io.devmsan.samples.drain;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Machine;

/**
 * A machine with one sensor bound, and what user space and the explorer do to it: open its debug
 * file, unbind it, unregister the file's character device alone, remove the device.
 */
public final class SensorPlatform {

    private final Machine machine;
    private final String nodePath;

    private SensorPlatform(Machine machine, String nodePath) {
        this.machine = machine;
        this.nodePath = nodePath;
    }

    /** Registers the sensor driver with {@code removal} and adds a device {@code sensor.<id>}, which binds. */
    public static SensorPlatform boot(Removal removal) {
        Machine machine = Machine.boot(new SensorDriver(removal));
        DebugFile file = machine.device().getDrvdata(DebugFile.class);
        return new SensorPlatform(machine, Devtmpfs.path(file.dev.name()));
    }

    /** Opens the debug file. */
    public File open() {
        return Devtmpfs.open(nodePath);
    }

    /** The sysfs unbind: 0, or {@code -ENODEV} when no longer bound. */
    public int unbind() {
        return machine.unbind();
    }

    /** Deletes the file's character device alone, the driver staying bound; nothing when unbound already. */
    public void unregisterCdev() {
        DebugFile file = machine.device().getDrvdata(DebugFile.class);
        if (file != null && file.cdev.isAdded()) {
            file.cdev.del();
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
