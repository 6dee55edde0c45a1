package io.devmsan.kernel.dmaengine;

/**
 * A DMA channel ({@code struct dma_chan}) as consumers hold it: the consumer API calls go straight
 * into the provider's driver, as the inline helpers of {@code dmaengine.h} do, whether or not the
 * provider is still bound. Holding the channel pins the provider's module and the
 * {@link DmaDevice}, never the provider's bind.
 */
public final class DmaChan {

    private final DmaDevice device;
    private final int chanId;
    private volatile Object driverData;

    /** Consumers holding the channel; guarded by the engine's lock. */
    int clientCount;

    DmaChan(DmaDevice device, int chanId) {
        this.device = device;
        this.chanId = chanId;
    }

    /** The DMA device the channel belongs to. */
    public DmaDevice device() {
        return device;
    }

    /** The channel's index on its device. */
    public int chanId() {
        return chanId;
    }

    /** The provider's per-channel data ({@code container_of} in C). */
    public <T> T driverData(Class<T> type) {
        return type.cast(driverData);
    }

    /** Sets the provider's per-channel data. */
    public void setDriverData(Object data) {
        driverData = data;
    }

    /** {@code dmaengine_prep_dma_memcpy}: a descriptor, or null when the provider cannot prepare one. */
    public DmaDescriptor prepMemcpy(byte[] dst, byte[] src, int len) {
        return ProviderCall.prepMemcpy(device.dev(), this, dst, src, len);
    }

    /** {@code dmaengine_submit}: the descriptor's cookie, or a negative errno. */
    public long submit(DmaDescriptor desc) {
        if (desc.chan() != this) {
            throw new IllegalArgumentException(desc + " was prepared on another channel than " + this);
        }
        return ProviderCall.submit(device.dev(), desc);
    }

    /** {@code dma_async_issue_pending}: starts the submitted transfers. */
    public void issuePending() {
        ProviderCall.issuePending(device.dev(), this);
    }

    /** {@code dmaengine_tx_status}: the status of the transfer with {@code cookie}. */
    public DmaStatus txStatus(long cookie) {
        return ProviderCall.txStatus(device.dev(), this, cookie);
    }

    @Override
    public String toString() {
        return device.dev().name() + " chan" + chanId;
    }
}
