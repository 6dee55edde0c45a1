package io.devmsan.samples.tpm;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/** A machine with one TIS platform device and the {@code tpm_tis} driver bound to it. */
public final class TpmPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final TpmTis driver;
    private final Device device;

    private TpmPlatform(Bus bus, TpmTis driver, Device device) {
        this.bus = bus;
        this.driver = driver;
        this.device = device;
    }

    /** Registers a correct driver and adds a new device {@code tpm_tis.<id>}, which binds. */
    public static TpmPlatform boot() {
        return boot(TpmTis.HwResources.ON_PLATFORM_DEVICE);
    }

    /** Registers a driver attaching its hardware resources as {@code hwResources} says, and a device. */
    public static TpmPlatform boot(TpmTis.HwResources hwResources) {
        Bus bus = new Bus("platform");
        TpmTis driver = new TpmTis(hwResources);
        bus.registerDriver(driver);
        Device device = new Device(TpmTis.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0 || device.driver() != driver) {
            throw new IllegalStateException("tpm_tis did not bind to " + device + " (add returned " + ret + ")");
        }
        return new TpmPlatform(bus, driver, device);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The TIS platform device. */
    public Device device() {
        return device;
    }

    /**
     * The chip's node ({@code /dev/tpmN}), found as user space finds it: the platform device's child
     * in sysfs; only while bound. (Not through the driver data: user space racing an unbind must not
     * read what the unbind frees.)
     */
    public String nodePath() {
        for (Device child : device.children()) {
            if (child.name().startsWith("tpm")) {
                return Devtmpfs.path(child.name());
            }
        }
        throw new IllegalStateException(device + " has no TPM chip (not bound?)");
    }

    /** The chip, while bound. */
    TpmChip chip() {
        TpmChip chip = device.getDrvdata(TpmChip.class);
        if (chip == null) {
            throw new IllegalStateException(device + " has no TPM chip (not bound?)");
        }
        return chip;
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        bus.removeDevice(device);
        bus.unregisterDriver(driver);
    }
}
