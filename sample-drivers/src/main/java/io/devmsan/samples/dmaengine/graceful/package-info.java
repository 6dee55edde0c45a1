/**
 * Seed 004 (Dan Williams and Logan Gunthorpe on linux-kernel, November 2019), the cure they
 * describe: a provider whose state is refcounted (freed by the DMA device's release callback once
 * no consumer holds a channel) and whose callbacks return an error status once the device has
 * gone, fenced by SRCU against {@code remove()}. The main class is
 * {@link io.devmsan.samples.dmaengine.graceful.GracefulDmaDriver};
 * {@link io.devmsan.samples.dmaengine.graceful.GracefulStory} replays open, unbind, copy.
 */
package io.devmsan.samples.dmaengine.graceful;
