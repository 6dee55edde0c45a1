package io.devmsan.samples.runner;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with one platform bus, one driver registered on it and one device it binds: what a
 * story boots before it plays user space.
 */
public final class Machine {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final Driver driver;
    private final Device device;

    private Machine(Bus bus, Driver driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /**
     * Registers {@code driver} and adds a new device {@code <driver name>.<id>}, which binds.
     *
     * @throws IllegalStateException when the driver does not bind
     */
    public static Machine boot(Driver driver) {
        return boot("platform", driver);
    }

    /** Like {@link #boot(Driver)}, on a bus of the given name ({@code "spi"}, say). */
    public static Machine boot(String busName, Driver driver) {
        Bus bus = new Bus(busName);
        bus.registerDriver(driver);
        Device device = new Device(driver.name() + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException(driver.name() + " did not bind to " + device
                    + " (add returned " + ret + ")");
        }
        return new Machine(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The platform device. */
    public Device device() {
        return device;
    }

    /**
     * The path of the node the bound driver created, found as user space finds it: the platform
     * device's child in sysfs, its node in {@code /dev}.
     *
     * @throws IllegalStateException when the device has no child (not bound)
     */
    public String nodePath() {
        return nodePath("", "child device");
    }

    /**
     * The node of the platform device's child whose name starts with {@code childPrefix}, found as
     * user space finds it; only while bound.
     *
     * @throws IllegalStateException when there is no such child, naming {@code what} was looked for
     */
    public String nodePath(String childPrefix, String what) {
        for (Device child : device.children()) {
            if (child.name().startsWith(childPrefix)) {
                return Devtmpfs.path(child.name());
            }
        }
        throw new IllegalStateException(device + " has no " + what + " (not bound?)");
    }

    /** The sysfs {@code unbind} file, written on the calling thread. */
    public int unbind() {
        return bus.unbind(device);
    }

    /** The sysfs {@code bind} file. */
    public int bind() {
        return bus.bind(device);
    }

    /** The device goes away (unbinding the driver first); nothing when already removed. */
    public void removeDevice() {
        if (bus.devices().contains(device)) {
            bus.removeDevice(device);
        }
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        removeDevice();
        bus.unregisterDriver(driver);
    }
}
