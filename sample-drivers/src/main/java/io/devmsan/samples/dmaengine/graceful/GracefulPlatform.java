package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.samples.dmaengine.DmaMachine;

/**
 * Boots the graceful provider (in its module {@code graceful_dma}) bound to a {@code graceful-dma}
 * device, and the {@code dmacopy} consumer bound to its own device.
 */
public final class GracefulPlatform {

    private GracefulPlatform() {
    }

    /** Loads the provider's module, registers both drivers and adds both devices, which bind. */
    public static DmaMachine boot() {
        return DmaMachine.boot("graceful_dma", GracefulDmaDriver::new);
    }
}
