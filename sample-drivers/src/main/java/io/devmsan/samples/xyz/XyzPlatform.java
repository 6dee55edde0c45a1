package io.devmsan.samples.xyz;

import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.samples.runner.Machine;

/**
 * A machine with one xyz platform device and the xyz driver bound to it: what a test boots before
 * it plays user space.
 */
public final class XyzPlatform {

    private final Machine machine;

    private XyzPlatform(Machine machine) {
        this.machine = machine;
    }

    /** Registers the driver as posted and adds a new device {@code xyz.<id>}, which binds. */
    public static XyzPlatform boot() {
        return boot(XyzDriver.CdevRegistration.CDEV_DEVICE_ADD);
    }

    /** Registers the driver registering its cdev as {@code registration} says, and adds a device. */
    public static XyzPlatform boot(XyzDriver.CdevRegistration registration) {
        return new XyzPlatform(Machine.boot(new XyzDriver(registration)));
    }

    /** The platform bus. */
    public Bus bus() {
        return machine.bus();
    }

    /** The xyz platform device. */
    public Device device() {
        return machine.device();
    }

    /**
     * The path of the ioctl device's node, found the way user space finds it (the device's child in
     * sysfs, its node in {@code /dev}); only while bound.
     */
    public String nodePath() {
        return machine.nodePath(XyzDriver.NAME, "ioctl device");
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        machine.shutdown();
    }
}
