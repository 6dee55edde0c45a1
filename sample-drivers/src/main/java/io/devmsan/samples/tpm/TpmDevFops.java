package io.devmsan.samples.tpm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * {@code /dev/tpmN}'s file operations ({@code tpm-dev.c}, {@code tpm-dev-common.c}): write sends a
 * command and keeps the response, read returns it. Every path into the low-level driver goes
 * through {@link TpmChip#tryGetOps()}; when that fails, write returns {@code -EPIPE}.
 */
final class TpmDevFops implements FileOperations {

    static final TpmDevFops INSTANCE = new TpmDevFops();

    private TpmDevFops() {
    }

    @Override
    public int open(File file) {
        TpmChip chip = file.cdev().container(TpmChip.class);
        if (!chip.isOpen.compareAndSet(false, true)) {
            return -Errno.EBUSY;
        }
        file.setPrivateData(new TpmFilePriv(chip));
        return 0;
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        TpmFilePriv priv = file.privateData(TpmFilePriv.class);
        if (count > TpmChip.TPM_BUFSIZE) {
            return -Errno.E2BIG;
        }
        priv.bufferMutex.lock();
        try {
            if (priv.responseLength != 0) {
                return -Errno.EBUSY;
            }
            System.arraycopy(buf, 0, priv.dataBuffer, 0, count);
            if (priv.chip.tryGetOps() != 0) {
                return -Errno.EPIPE;
            }
            int rc;
            try {
                rc = priv.chip.transmit(priv.dataBuffer, count);
            } finally {
                priv.chip.putOps();
            }
            if (rc < 0) {
                return rc;
            }
            priv.responseLength = rc;
            return count;
        } finally {
            priv.bufferMutex.unlock();
        }
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        TpmFilePriv priv = file.privateData(TpmFilePriv.class);
        priv.bufferMutex.lock();
        try {
            int n = Math.min(count, priv.responseLength);
            System.arraycopy(priv.dataBuffer, 0, buf, 0, n);
            priv.responseLength = 0;
            return n;
        } finally {
            priv.bufferMutex.unlock();
        }
    }

    @Override
    public int poll(File file) {
        TpmFilePriv priv = file.privateData(TpmFilePriv.class);
        priv.bufferMutex.lock();
        try {
            return priv.responseLength > 0 ? EPOLLIN | EPOLLRDNORM : EPOLLOUT | EPOLLWRNORM;
        } finally {
            priv.bufferMutex.unlock();
        }
    }

    @Override
    public int release(File file) {
        TpmFilePriv priv = file.privateData(TpmFilePriv.class);
        file.setPrivateData(null);
        priv.chip.isOpen.set(false);
        return 0;
    }
}
