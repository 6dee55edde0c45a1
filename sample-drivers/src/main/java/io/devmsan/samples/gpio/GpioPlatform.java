package io.devmsan.samples.gpio;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/** A machine with one memory-mapped GPIO controller and its driver bound to it. */
public final class GpioPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final MmioGpioDriver driver;
    private final Device device;

    private GpioPlatform(Bus bus, MmioGpioDriver driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /** Registers the driver and adds a new device {@code gpio-mmio.<id>}, which binds. */
    public static GpioPlatform boot() {
        Bus bus = new Bus("platform");
        MmioGpioDriver driver = new MmioGpioDriver();
        bus.registerDriver(driver);
        Device device = new Device(MmioGpioDriver.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("gpio-mmio did not bind to " + device + " (add returned " + ret + ")");
        }
        return new GpioPlatform(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The controller's platform device. */
    public Device device() {
        return device;
    }

    /**
     * The node of the controller's GPIO device ({@code /dev/gpiochipN}), found below the platform
     * device as user space finds it in sysfs; a new one after each bind.
     *
     * @throws IllegalStateException while no chip is registered
     */
    public String nodePath() {
        for (Device child : device.children()) {
            if (child.name().startsWith("gpiochip")) {
                return Devtmpfs.path(child.name());
            }
        }
        throw new IllegalStateException(device + " has no GPIO device (not bound?)");
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
