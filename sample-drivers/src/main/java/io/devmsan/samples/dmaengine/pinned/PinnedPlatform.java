package io.devmsan.samples.dmaengine.pinned;

import io.devmsan.samples.dmaengine.DmaMachine;

/**
 * Boots the pinned provider (in its module {@code pinned_dma}) bound to a {@code pinned-dma}
 * device, and the {@code dmacopy} consumer bound to its own device.
 */
public final class PinnedPlatform {

    private PinnedPlatform() {
    }

    /** Loads the provider's module, registers both drivers and adds both devices, which bind. */
    public static DmaMachine boot() {
        return DmaMachine.boot("pinned_dma", PinnedDmaDriver::new);
    }
}
