/**
 * Seed 004 (Dan Williams and Logan Gunthorpe on linux-kernel, November 2019, on dmaengine and
 * unbind): what both dmaengine samples share. Its main class is
 * {@link io.devmsan.samples.dmaengine.DmaCopyDriver}, a consumer whose open files each hold a
 * channel; {@link io.devmsan.samples.dmaengine.MemcpyRing} is the copy engine of a channel as the
 * providers keep it. The providers are in {@code pinned} (relies on module pinning, frees its
 * state with devres) and {@code graceful} (refcounted state, calls fail once the device is gone).
 */
package io.devmsan.samples.dmaengine;
