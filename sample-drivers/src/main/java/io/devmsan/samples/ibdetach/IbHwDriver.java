package io.devmsan.samples.ibdetach;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;

/**
 * The hardware driver: everything it owns is devm on the platform device; probe registers a uverbs
 * device for it and {@code remove()} unregisters it, after which no user-space path reaches the
 * driver, so devres may unwind.
 */
public final class IbHwDriver implements Driver {

    /** The driver's name; it binds devices named {@code ibhw} or {@code ibhw.<id>}. */
    public static final String NAME = "ibhw";

    /** A driver instance, to register on a bus. */
    public IbHwDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        IbHwContext hw = Devm.kzalloc(pdev, IbHwContext::new);
        hw.regs = Devm.ioremap(pdev, IbHwContext.REGS_SIZE);
        pdev.setDrvdata(hw);
        hw.uverbs = UverbsDevice.register(pdev, hw);
        return hw.uverbs == null ? -Errno.ENOMEM : 0;
    }

    @Override
    public void remove(Device pdev) {
        pdev.getDrvdata(IbHwContext.class).uverbs.unregister();
    }
}
