package io.devmsan.kernel.dmaengine;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.core.Device;

/**
 * The entries into a provider's driver: each consumer call (and the core's channel setup and
 * teardown on a consumer's behalf) runs provider code for the provider's device, asynchronously to
 * its bind, like an interrupt does. The first parameter names that device for the sanitizer.
 */
final class ProviderCall {

    private ProviderCall() {
    }

    @Lifecycle.EntryPoint(value = "dmaengine_prep_dma_memcpy", device = 0)
    static DmaDescriptor prepMemcpy(Device provider, DmaChan chan, byte[] dst, byte[] src, int len) {
        return chan.device().ops().prepMemcpy(chan, dst, src, len);
    }

    @Lifecycle.EntryPoint(value = "dmaengine_submit", device = 0)
    static long submit(Device provider, DmaDescriptor desc) {
        return desc.chan().device().ops().txSubmit(desc);
    }

    @Lifecycle.EntryPoint(value = "dma_async_issue_pending", device = 0)
    static void issuePending(Device provider, DmaChan chan) {
        chan.device().ops().issuePending(chan);
    }

    @Lifecycle.EntryPoint(value = "dmaengine_tx_status", device = 0)
    static DmaStatus txStatus(Device provider, DmaChan chan, long cookie) {
        DmaStatus status = chan.device().ops().txStatus(chan, cookie);
        if (status == null) {
            throw new IllegalStateException("device_tx_status of " + chan + " returned null");
        }
        return status;
    }

    @Lifecycle.EntryPoint(value = "dma_request_chan", device = 0)
    static int allocChanResources(Device provider, DmaChan chan) {
        return chan.device().ops().allocChanResources(chan);
    }

    @Lifecycle.EntryPoint(value = "dma_release_channel", device = 0)
    static void freeChanResources(Device provider, DmaChan chan) {
        chan.device().ops().freeChanResources(chan);
    }
}
