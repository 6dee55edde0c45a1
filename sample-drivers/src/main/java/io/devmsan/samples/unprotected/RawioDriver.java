package io.devmsan.samples.unprotected;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The rawio platform driver: a data register behind a character device, and no protection at all.
 * {@code remove()} deletes the character device and returns; devres then unmaps the registers and
 * frees the structure that open files still point to.
 */
public final class RawioDriver implements Driver {

    /** The driver's name; it binds devices named {@code rawio} or {@code rawio.<id>}. */
    public static final String NAME = "rawio";

    /** The data register: read returns it, write stores into it. */
    static final int REG_DATA = 0x0;
    /** Control register: bit 0 enables the device. */
    static final int REG_CTRL = 0x4;
    static final int CTRL_ENABLE = 0x1;
    static final int REGS_SIZE = 0x10;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** A driver instance, to register on a bus. */
    public RawioDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        String name = NAME + INSTANCES.getAndIncrement();
        RawioDev rawio = Devm.kzalloc(pdev, () -> new RawioDev(pdev, name));
        rawio.regs = Devm.ioremap(pdev, REGS_SIZE);
        rawio.regs.writel(CTRL_ENABLE, REG_CTRL);
        pdev.setDrvdata(rawio);
        return rawio.cdev.add(pdev, rawio.node);
    }

    @Override
    public void remove(Device pdev) {
        RawioDev rawio = pdev.getDrvdata(RawioDev.class);
        rawio.regs.writel(0, REG_CTRL);
        rawio.cdev.del();
        // Nothing waits for the open files: devres unmaps the registers next.
    }
}
