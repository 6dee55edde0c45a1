package io.devmsan.kernel.gpio;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Srcu;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The GPIO device ({@code struct gpio_device}) that gpiolib creates for every registered chip: a
 * refcounted device structure {@code gpiochipN}, the character device user space opens, and a
 * pointer to the chip. It is allocated plainly and freed by its device's release callback, after
 * the last reference, which open files hold; so it outlives the chip and the driver's bind.
 *
 * <p>When the chip is removed the pointer is cleared and the device is numbed: line operations
 * through it still succeed but do nothing (a read gives 0), which is what gpiolib did before it
 * started returning {@code -ENODEV}. The pointer is read only inside the device's SRCU read
 * section, and removal synchronizes that SRCU after clearing it (gpiolib's fence since v6.9), so
 * no operation can be inside the chip's callbacks once removal returns.
 */
public final class GpioDevice {

    private static final AtomicInteger IDS = new AtomicInteger();

    final Device dev;
    final Cdev cdev;
    final Srcu srcu = new Srcu("gpio_device srcu");
    private final String label;
    private final int ngpio;

    /** The chip; it belongs to the providing driver's bind. Null once removed; read under {@link #srcu}. */
    @DevmScoped
    volatile GpioChip chip;

    GpioDevice(GpioChip chip) {
        this.label = chip.label();
        this.ngpio = chip.ngpio();
        this.dev = new Device("gpiochip" + IDS.getAndIncrement(), chip.parent(), released -> Slab.kfree(this));
        this.cdev = new Cdev(GpioChardev.INSTANCE, this);
    }

    /** The device's name, {@code gpiochipN}, which also names its node. */
    public String name() {
        return dev.name();
    }

    /** The chip's label, kept by the device after the chip is gone. */
    public String label() {
        return label;
    }

    /** The number of lines, kept by the device after the chip is gone. */
    public int ngpio() {
        return ngpio;
    }

    /**
     * True once the chip was removed and the device numbed. Read under the SRCU like every other
     * look at the chip pointer: removal may be clearing it on another CPU.
     */
    public boolean isNumbed() {
        int idx = srcu.readLock();
        try {
            return chip == null;
        } finally {
            srcu.readUnlock(idx);
        }
    }

    /** References to the device structure (diagnostics and tests). */
    public int refcount() {
        return dev.refcount();
    }

    /**
     * The value of line {@code offset} through the chip, or 0 without touching anything once
     * numbed.
     */
    int getValue(int offset) {
        int idx = srcu.readLock();
        try {
            GpioChip gc = chip;
            if (gc == null) {
                return 0;
            }
            return gc.get(offset);
        } finally {
            srcu.readUnlock(idx);
        }
    }

    /** Drives line {@code offset} through the chip; does nothing once numbed. Always 0. */
    int setValue(int offset, int value) {
        int idx = srcu.readLock();
        try {
            GpioChip gc = chip;
            if (gc != null) {
                gc.set(offset, value);
            }
            return 0;
        } finally {
            srcu.readUnlock(idx);
        }
    }

    @Override
    public String toString() {
        return dev.name() + " (" + label + (isNumbed() ? ", numbed)" : ")");
    }
}
