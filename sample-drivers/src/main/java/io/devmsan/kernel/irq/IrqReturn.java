package io.devmsan.kernel.irq;

/** What a handler says about an interrupt ({@code irqreturn_t}). */
public enum IrqReturn {
    /** Not from this device ({@code IRQ_NONE}). */
    NONE,
    /** Handled ({@code IRQ_HANDLED}). */
    HANDLED;

    /** The line's result: handled when any handler handled it. */
    IrqReturn or(IrqReturn other) {
        return this == HANDLED || other == HANDLED ? HANDLED : NONE;
    }
}
