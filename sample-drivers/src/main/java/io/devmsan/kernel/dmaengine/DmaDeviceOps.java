package io.devmsan.kernel.dmaengine;

/**
 * A provider driver's callbacks ({@code struct dma_device}'s {@code device_*} pointers and the
 * descriptor's {@code tx_submit}). The core calls them on behalf of consumers, through
 * {@link ProviderCall}, whenever a consumer holding a channel asks: before, during and after the
 * provider's unbind.
 */
public interface DmaDeviceOps {

    /** {@code device_alloc_chan_resources}: the channel's first client arrived; 0 or a negative errno. */
    default int allocChanResources(DmaChan chan) {
        return 0;
    }

    /** {@code device_free_chan_resources}: the channel's last client left. */
    default void freeChanResources(DmaChan chan) {
    }

    /** {@code device_prep_dma_memcpy}: a descriptor for the copy, or null when it cannot be prepared. */
    DmaDescriptor prepMemcpy(DmaChan chan, byte[] dst, byte[] src, int len);

    /** {@code tx_submit}: queues the descriptor; its cookie (positive) or a negative errno. */
    long txSubmit(DmaDescriptor desc);

    /** {@code device_issue_pending}: starts the queued descriptors. */
    void issuePending(DmaChan chan);

    /** {@code device_tx_status}: the status of the transfer with {@code cookie}. */
    DmaStatus txStatus(DmaChan chan, long cookie);
}
