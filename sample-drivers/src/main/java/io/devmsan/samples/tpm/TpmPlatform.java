package io.devmsan.samples.tpm;

import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.samples.runner.Machine;

/** A machine with one TIS platform device and the {@code tpm_tis} driver bound to it. */
public final class TpmPlatform {

    private final Machine machine;

    private TpmPlatform(Machine machine) {
        this.machine = machine;
    }

    /** Registers a correct driver and adds a new device {@code tpm_tis.<id>}, which binds. */
    public static TpmPlatform boot() {
        return boot(TpmTis.HwResources.ON_PLATFORM_DEVICE);
    }

    /** Registers a driver attaching its hardware resources as {@code hwResources} says, and a device. */
    public static TpmPlatform boot(TpmTis.HwResources hwResources) {
        return new TpmPlatform(Machine.boot(new TpmTis(hwResources)));
    }

    /** The platform bus. */
    public Bus bus() {
        return machine.bus();
    }

    /** The TIS platform device. */
    public Device device() {
        return machine.device();
    }

    /**
     * The chip's node ({@code /dev/tpmN}), found as user space finds it: the platform device's child
     * in sysfs; only while bound. (Not through the driver data: user space racing an unbind must not
     * read what the unbind frees.)
     */
    public String nodePath() {
        return machine.nodePath("tpm", "TPM chip");
    }

    /** The chip, while bound. */
    TpmChip chip() {
        TpmChip chip = device().getDrvdata(TpmChip.class);
        if (chip == null) {
            throw new IllegalStateException(device() + " has no TPM chip (not bound?)");
        }
        return chip;
    }

    /** Removes the device (unbinding it if still bound) and unregisters the driver. */
    public void shutdown() {
        machine.shutdown();
    }
}
