package io.devmsan.samples.gpio;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.gpio.GpioLib;

/**
 * A memory-mapped GPIO controller driver written the modern way: everything is devm, including the
 * chip registration, so {@code remove()} has nothing to do. Unbind removes the chip first (the
 * newest devres entry), which numbs its GPIO device, then unmaps the registers and frees the chip.
 */
public final class MmioGpioDriver implements Driver {

    /** The driver's name; it binds devices named {@code gpio-mmio} or {@code gpio-mmio.<id>}. */
    public static final String NAME = "gpio-mmio";

    /** A driver instance, to register on a bus. */
    public MmioGpioDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        MmioGpioChip chip = Devm.kzalloc(pdev, () -> new MmioGpioChip(pdev));
        chip.regs = Devm.ioremap(pdev, MmioGpioChip.REGS_SIZE);
        pdev.setDrvdata(chip);
        return GpioLib.devmAddData(pdev, chip);
    }

    @Override
    public void remove(Device pdev) {
        // Nothing: devres removes the chip, unmaps the registers and frees the chip, in that order.
    }
}
