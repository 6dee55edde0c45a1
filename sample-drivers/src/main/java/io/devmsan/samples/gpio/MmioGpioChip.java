package io.devmsan.samples.gpio;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.IoMem;
import io.devmsan.kernel.gpio.GpioChip;
import io.devmsan.kernel.sync.SpinLock;

/**
 * The driver's chip: a {@code gpio_chip} embedded in driver data allocated with
 * {@code devm_kzalloc}, driving its lines through one data register of a window mapped with
 * {@code devm_ioremap}. All of it dies at unbind.
 */
final class MmioGpioChip extends GpioChip {

    /** Line values, one bit per line. */
    static final int REG_DATA = 0x0;
    static final int REGS_SIZE = 0x10;
    static final int NGPIO = 8;

    /** Serialises read-modify-write of the data register ({@code bgpio_lock}). */
    private final SpinLock lock = new SpinLock("gpio-mmio data");

    /** The register window; it belongs to the bind. */
    @DevmScoped
    IoMem regs;

    MmioGpioChip(Device parent) {
        super(MmioGpioDriver.NAME, parent, NGPIO);
    }

    @Override
    public int get(int offset) {
        return (regs.readl(REG_DATA) >>> offset) & 1;
    }

    @Override
    public void set(int offset, int value) {
        lock.lock();
        try {
            int data = regs.readl(REG_DATA);
            data = value != 0 ? data | (1 << offset) : data & ~(1 << offset);
            regs.writel(data, REG_DATA);
        } finally {
            lock.unlock();
        }
    }
}
