package io.devmsan.samples.spidev.locked;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.spidev.SpiHost;
import io.devmsan.samples.spidev.SpidevData;

/**
 * spidev's file operations as fixed: the check and the use of the pointer sit in one critical
 * section of {@code spi_lock}, so {@code remove()}, which clears the pointer under the same lock,
 * either comes before the check (the transfer fails with {@code -ESHUTDOWN}) or waits for the use.
 */
final class LockedTransferFops implements FileOperations {

    static final LockedTransferFops INSTANCE = new LockedTransferFops();

    private LockedTransferFops() {
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
            try {
                SpiHost spi = data.spi;
                if (spi == null) {
                    return -Errno.ESHUTDOWN;
                }
                int[] fifo = spi.txFifo;
                for (int i = 0; i < count && i < fifo.length; i++) {
                    fifo[i] = buf[i] & 0xff;
                }
                return Math.min(count, fifo.length);
            } finally {
                data.spiLock.unlock();
            }
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
