package io.devmsan.samples.spidev.unlocked;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.spidev.SpiHost;
import io.devmsan.samples.spidev.SpidevData;

/**
 * spidev's file operations as they were when the pointer was checked under {@code spi_lock} and
 * used after dropping it: between the unlock and the use, {@code remove()} can clear the pointer
 * and devres free what it pointed to. {@code buf_lock} is held throughout, but the unbind never
 * takes it, so it fences nothing.
 */
final class UnlockedTransferFops implements FileOperations {

    static final UnlockedTransferFops INSTANCE = new UnlockedTransferFops();

    private UnlockedTransferFops() {
    }

    @Override
    public int open(File file) {
        file.setPrivateData(file.cdev().container(SpidevData.class));
        return 0;
    }

    /** {@code spidev_write}: one transfer of {@code count} bytes; {@code -ESHUTDOWN} once unbound. */
    @Override
    public long write(File file, byte[] buf, int count) {
        SpidevData data = file.privateData(SpidevData.class);
        data.bufLock.lock();
        try {
            data.spiLock.lock();
            SpiHost spi = data.spi;
            data.spiLock.unlock();
            if (spi == null) {
                return -Errno.ESHUTDOWN;
            }
            // The check above is no longer true here: nothing stops remove() in between.
            int[] fifo = spi.txFifo; // devmsan: expect unbind-race, unfenced-access, use-after-unbind
            for (int i = 0; i < count && i < fifo.length; i++) {
                fifo[i] = buf[i] & 0xff;
            }
            return Math.min(count, fifo.length);
        } finally {
            data.bufLock.unlock();
        }
    }

    @Override
    public int release(File file) {
        file.setPrivateData(null);
        return 0;
    }
}
