/**
 * Interrupt lines. Its main class is {@link io.devmsan.kernel.irq.IrqLine}: tests fire it from any
 * thread, handlers run as asynchronous entries into driver code, and freeing a handler waits for a
 * running one. A shared line can model {@code CONFIG_DEBUG_SHIRQ}, which calls the handler once
 * more while freeing it: a handler that touches what the driver already tore down is caught then.
 */
package io.devmsan.kernel.irq;
