package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.devres.IoMem;
import io.devmsan.kernel.dmaengine.DmaDevice;
import io.devmsan.kernel.sync.Srcu;
import io.devmsan.samples.dmaengine.MemcpyRing;

/**
 * The provider's private data, allocated with a plain {@code kzalloc} and refcounted through its
 * DMA device: {@code device_release} frees it once the registration and every channel client are
 * gone. Only the register window is devm; it is read under {@link #srcu} and cleared by
 * {@code remove()}, which then synchronizes.
 */
final class GracefulDmaPriv {

    /** Fences the callbacks against {@code remove()}. */
    final Srcu srcu = new Srcu("graceful-dma srcu");
    /** One ring per channel; plain memory, alive as long as this structure. */
    final MemcpyRing[] rings;

    /** The device's registers; they belong to the bind. Null once removed; read under {@link #srcu}. */
    @DevmScoped
    volatile IoMem regs;
    /** The DMA device registered with the core. */
    DmaDevice dmaDevice;
    /** Set by {@code device_release}, just before the structure is freed (tests look). */
    volatile boolean released;

    GracefulDmaPriv(int nchans) {
        rings = new MemcpyRing[nchans];
        for (int i = 0; i < nchans; i++) {
            rings[i] = new MemcpyRing();
        }
    }
}
