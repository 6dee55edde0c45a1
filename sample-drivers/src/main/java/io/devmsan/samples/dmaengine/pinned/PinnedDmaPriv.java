package io.devmsan.samples.dmaengine.pinned;

import io.devmsan.kernel.dmaengine.DmaDevice;
import io.devmsan.samples.dmaengine.MemcpyRing;

/**
 * The provider's private data, allocated with {@code devm_kzalloc}: its channels' rings and its
 * DMA device. Freed at unbind, whoever holds channels.
 */
final class PinnedDmaPriv {

    /** One ring per channel. */
    final MemcpyRing[] rings;
    /** The DMA device registered with the core. */
    DmaDevice dmaDevice;

    PinnedDmaPriv(int nchans) {
        rings = new MemcpyRing[nchans];
        for (int i = 0; i < nchans; i++) {
            rings[i] = new MemcpyRing();
        }
    }
}
