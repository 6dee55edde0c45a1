package io.devmsan.kernel.irq;

/**
 * An interrupt handler ({@code irq_handler_t}). The handler itself identifies the registration, as
 * {@code dev_id} does in the kernel: free with the same instance that was requested.
 */
@FunctionalInterface
public interface IrqHandler {

    /** Handles interrupt {@code irq}; may run on any thread, concurrently with process context. */
    IrqReturn handle(int irq);
}
