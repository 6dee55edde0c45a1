package io.devmsan.samples.irqfree;

import io.devmsan.kernel.irq.IrqHandler;
import io.devmsan.kernel.irq.IrqReturn;
import io.devmsan.kernel.devres.IoMem;

/**
 * The interrupt handler of a device on a shared line: it counts the call in the receive ring,
 * then reads the status register to see whether the interrupt is its own, and acknowledges it.
 */
final class RxIrqHandler implements IrqHandler {

    private final RxPriv priv;

    RxIrqHandler(RxPriv priv) {
        this.priv = priv;
    }

    @Override
    public IrqReturn handle(int irq) {
        RxRing ring = priv.ring; // devmsan: expect unfenced-access
        // devres releases newest first: the ring, allocated after the interrupt was requested, is
        // freed before free_irq, whose debug call of a shared handler then lands here.
        ring.interrupts++; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        IoMem regs = priv.regs; // devmsan: expect unfenced-access
        int status = regs.readl(ShirqRxDriver.REG_INT_STATUS);
        if ((status & ShirqRxDriver.INT_RX) == 0) {
            return IrqReturn.NONE;
        }
        regs.writel(0, ShirqRxDriver.REG_INT_STATUS);
        ring.packets++; // devmsan: expect unbind-race, unfenced-access
        return IrqReturn.HANDLED;
    }
}
