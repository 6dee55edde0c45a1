package io.devmsan.samples.dmaengine;

/** The {@code dmacopy} consumer's user-space ABI. */
public final class DmaCopyUapi {

    /**
     * {@code _IO('M', 1)}: copies a test pattern of {@code arg} bytes (1 to {@link #MAX_COPY})
     * through the file's DMA channel and checks it; returns the length.
     */
    public static final int DMACOPY_IOC_COPY = 0x4d01;

    /** The largest copy. */
    public static final int MAX_COPY = 4096;

    private DmaCopyUapi() {
    }
}
