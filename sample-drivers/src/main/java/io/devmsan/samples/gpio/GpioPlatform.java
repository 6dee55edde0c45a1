package io.devmsan.samples.gpio;

import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.samples.runner.Machine;

/** A machine with one memory-mapped GPIO controller and its driver bound to it. */
public final class GpioPlatform {

    private final Machine machine;

    private GpioPlatform(Machine machine) {
        this.machine = machine;
    }

    /** Registers the driver and adds a new device {@code gpio-mmio.<id>}, which binds. */
    public static GpioPlatform boot() {
        return new GpioPlatform(Machine.boot(new MmioGpioDriver()));
    }

    /** The platform bus. */
    public Bus bus() {
        return machine.bus();
    }

    /** The controller's platform device. */
    public Device device() {
        return machine.device();
    }

    /**
     * The node of the controller's GPIO device ({@code /dev/gpiochipN}), found below the platform
     * device as user space finds it in sysfs; a new one after each bind.
     *
     * @throws IllegalStateException while no chip is registered
     */
    public String nodePath() {
        return machine.nodePath("gpiochip", "GPIO device");
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        machine.shutdown();
    }
}
