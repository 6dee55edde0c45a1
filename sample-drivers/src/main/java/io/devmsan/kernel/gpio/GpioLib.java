package io.devmsan.kernel.gpio;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;

/**
 * gpiolib's registration API: a driver registers its {@link GpioChip}, gpiolib creates the
 * {@link GpioDevice} and its character device {@code /dev/gpiochipN}; removal numbs the device
 * and drops gpiolib's reference, and open files keep the device (not the chip) alive.
 */
public final class GpioLib {

    private GpioLib() {
    }

    /**
     * {@code gpiochip_add_data}: registers {@code chip} and adds its character device, served by
     * the chip's parent device.
     *
     * @return 0, {@code -EBUSY} when the chip is already registered, or the error of adding the
     *     character device
     */
    public static int addData(GpioChip chip) {
        if (chip.gdev != null) {
            return -Errno.EBUSY;
        }
        GpioDevice gdev = Slab.kzalloc(() -> new GpioDevice(chip));
        gdev.chip = chip;
        int ret = gdev.cdev.add(chip.parent(), gdev.dev);
        if (ret < 0) {
            gdev.chip = null;
            gdev.dev.put();
            return ret;
        }
        chip.gdev = gdev;
        return 0;
    }

    /**
     * {@code gpiochip_remove}: no new opens, the device is numbed, and once every operation that
     * may still have seen the chip has left its read section, gpiolib lets go of the device. When
     * this returns, the chip's callbacks are neither running nor will run again.
     */
    public static void remove(GpioChip chip) {
        GpioDevice gdev = chip.gdev;
        if (gdev == null) {
            throw new IllegalStateException("gpiochip_remove of " + chip.label() + ", which is not registered");
        }
        gdev.cdev.del();
        gdev.chip = null;
        gdev.srcu.synchronize();
        chip.gdev = null;
        gdev.dev.put();
    }

    /**
     * {@code devm_gpiochip_add_data}: {@link #addData} with the removal registered on {@code dev}'s
     * devres, so that it runs at unbind before the driver's earlier devm allocations (the chip
     * itself, its registers) are released.
     *
     * @return 0 or the error of {@link #addData}
     */
    public static int devmAddData(Device dev, GpioChip chip) {
        int ret = addData(chip);
        if (ret < 0) {
            return ret;
        }
        return Devm.addActionOrReset(dev, () -> remove(chip));
    }

    /** The GPIO device of a registered chip, or null. */
    public static GpioDevice deviceOf(GpioChip chip) {
        return chip.gdev;
    }
}
