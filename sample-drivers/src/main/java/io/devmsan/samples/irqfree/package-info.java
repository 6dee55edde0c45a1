/**
 * The classic devres ordering bug (not from a seed thread): a driver requests its interrupt with
 * {@code devm_request_irq} before it allocates, also with devres, the data its handler uses.
 * Devres unwinds newest first, so that data is freed while the handler is still installed; on a
 * shared line with {@code CONFIG_DEBUG_SHIRQ}, {@code free_irq} calls the handler once more and it
 * runs into the freed data. The main class is {@link io.devmsan.samples.irqfree.ShirqRxDriver};
 * {@link io.devmsan.samples.irqfree.ShirqStory} replays receive, unbind.
 */
package io.devmsan.samples.irqfree;
