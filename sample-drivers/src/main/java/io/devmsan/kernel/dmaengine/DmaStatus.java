package io.devmsan.kernel.dmaengine;

/** What a transfer's cookie says ({@code enum dma_status}). */
public enum DmaStatus {
    /** The transfer has completed ({@code DMA_COMPLETE}). */
    COMPLETE,
    /** Submitted, not completed yet ({@code DMA_IN_PROGRESS}). */
    IN_PROGRESS,
    /** The transfer failed, or the engine is gone ({@code DMA_ERROR}). */
    ERROR
}
