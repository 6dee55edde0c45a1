package io.devmsan.kernel.gpio;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.core.Device;

/**
 * A GPIO controller as its driver describes it ({@code struct gpio_chip}): how many lines, a label,
 * the device that provides it and the hardware callbacks. It has no device structure or character
 * device of its own; {@link GpioLib#addData} creates the {@link GpioDevice} that holds those.
 *
 * <p>Drivers extend it with their private state, as C drivers embed the structure in theirs, and
 * commonly allocate it with {@code devm_kzalloc}: then it belongs to the bind
 * ({@link ScopeOwned.Ownership#ADOPTED}) and every use after unbind is reported. gpiolib calls the
 * callbacks only while the chip is registered and from inside its SRCU read section.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
public abstract class GpioChip {

    private final String label;
    private final Device parent;
    private final int ngpio;

    /** The GPIO device while registered; written by gpiolib only. */
    GpioDevice gdev;

    /**
     * @param label the chip's label, such as {@code "gpio-mmio"}
     * @param parent the device whose driver provides the chip
     * @param ngpio the number of lines, 1 to 32
     */
    protected GpioChip(String label, Device parent, int ngpio) {
        if (label == null || parent == null || ngpio < 1 || ngpio > 32) {
            throw new IllegalArgumentException("gpio_chip needs a label, a parent and 1 to 32 lines; got "
                    + label + ", " + parent + ", " + ngpio);
        }
        this.label = label;
        this.parent = parent;
        this.ngpio = ngpio;
    }

    /** {@code .label}. */
    public final String label() {
        return label;
    }

    /** {@code .parent}. */
    public final Device parent() {
        return parent;
    }

    /** {@code .ngpio}. */
    public final int ngpio() {
        return ngpio;
    }

    /** {@code .get}: the value of line {@code offset} (0 or 1), or a negative errno. */
    public abstract int get(int offset);

    /** {@code .set}: drives line {@code offset} to {@code value} (0 or 1). */
    public abstract void set(int offset, int value);
}
