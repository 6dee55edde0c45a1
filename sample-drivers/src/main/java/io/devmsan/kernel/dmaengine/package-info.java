/**
 * The DMA engine subsystem. Its main class is {@link io.devmsan.kernel.dmaengine.DmaEngine}, the
 * core where providers register a {@link io.devmsan.kernel.dmaengine.DmaDevice} and consumers
 * request a {@link io.devmsan.kernel.dmaengine.DmaChan}. A channel pins the provider's module,
 * not its bind: the provider can be unbound while consumers hold channels, and every consumer call
 * keeps entering the provider's driver (an entry point, for the sanitizer).
 */
package io.devmsan.kernel.dmaengine;
