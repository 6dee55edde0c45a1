package io.devmsan.samples.irqfree;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.irq.IrqLine;

/**
 * A receive-only device on a shared interrupt line, whose probe requests the interrupt with devres
 * before allocating the ring the handler uses. Devres unwinds in reverse: the ring is freed first,
 * and the handler can still run until {@code free_irq} returns; with {@code CONFIG_DEBUG_SHIRQ}
 * it runs exactly then, once more, on purpose.
 */
public final class ShirqRxDriver implements Driver {

    /** The driver's name; it binds devices named {@code shirq-rx} or {@code shirq-rx.<id>}. */
    public static final String NAME = "shirq-rx";

    /** Interrupt status register: {@link #INT_RX} when a packet arrived. */
    static final int REG_INT_STATUS = 0x0;
    static final int INT_RX = 0x1;
    static final int REGS_SIZE = 0x10;

    private final IrqLine line;

    /** A driver for devices whose interrupt is {@code line} (the board's wiring). */
    public ShirqRxDriver(IrqLine line) {
        this.line = line;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        RxPriv priv = Devm.kzalloc(pdev, RxPriv::new);
        priv.regs = Devm.ioremap(pdev, REGS_SIZE);
        pdev.setDrvdata(priv);
        int ret = Devm.requestIrq(pdev, line, new RxIrqHandler(priv));
        if (ret < 0) {
            return ret;
        }
        // Too late: the handler is live and will outlive this allocation at unbind.
        priv.ring = Devm.kzalloc(pdev, RxRing::new);
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        // Nothing: devres frees the ring, frees the interrupt, unmaps and frees the rest.
    }
}
