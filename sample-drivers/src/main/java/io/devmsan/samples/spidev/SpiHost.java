package io.devmsan.samples.spidev;

import io.devmsan.annotations.ScopeOwned;

/**
 * What a transfer reaches through {@code spidev->spi}: the bound SPI device's transfer state (its
 * transmit FIFO and clock), set up in probe with {@code devm_kzalloc}. It belongs to the bind scope:
 * devres frees it when the driver unbinds, and the sanitizer checks every access to it.
 */
@ScopeOwned
public final class SpiHost {

    /** Words of the transmit FIFO. */
    static final int FIFO_WORDS = 64;

    /** The transmit FIFO, one byte per word. */
    public final int[] txFifo = new int[FIFO_WORDS];

    /** The clock the device was probed with. */
    public int speedHz = 1_000_000;

    /** Allocated in probe (through {@code Devm.kzalloc}). */
    public SpiHost() {
    }
}
