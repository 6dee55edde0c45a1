package io.devmsan.samples.dmaengine;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.dmaengine.DmaChan;
import io.devmsan.kernel.dmaengine.DmaDescriptor;
import io.devmsan.kernel.dmaengine.DmaEngine;
import io.devmsan.kernel.dmaengine.DmaStatus;
import java.util.Arrays;

/**
 * The consumer's file operations: each open file requests a DMA channel (which pins the provider's
 * module), the copy ioctl runs one memcpy through it, and release gives it back. The consumer
 * copes with a provider that went away as far as the provider tells it: a descriptor that cannot
 * be prepared is {@code -ENODEV}, an error status {@code -EIO}.
 */
final class DmaCopyFileOps implements FileOperations {

    private final DmaEngine engine;

    DmaCopyFileOps(DmaEngine engine) {
        this.engine = engine;
    }

    @Override
    public int open(File file) {
        DmaChan chan = engine.requestChannel();
        if (chan == null) {
            return -Errno.ENODEV;
        }
        file.setPrivateData(chan);
        return 0;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        if (cmd != DmaCopyUapi.DMACOPY_IOC_COPY) {
            return -Errno.ENOTTY;
        }
        if (arg < 1 || arg > DmaCopyUapi.MAX_COPY) {
            return -Errno.EINVAL;
        }
        return copy(file.privateData(DmaChan.class), (int) arg);
    }

    @Override
    public int release(File file) {
        DmaChan chan = file.privateData(DmaChan.class);
        file.setPrivateData(null);
        engine.releaseChannel(chan);
        return 0;
    }

    private static long copy(DmaChan chan, int len) {
        byte[] src = new byte[len];
        for (int i = 0; i < len; i++) {
            src[i] = (byte) (i * 31 + len);
        }
        byte[] dst = new byte[len];
        DmaDescriptor desc = chan.prepMemcpy(dst, src, len);
        if (desc == null) {
            return -Errno.ENODEV;
        }
        long cookie = chan.submit(desc);
        if (cookie < 0) {
            return cookie;
        }
        chan.issuePending();
        DmaStatus status = chan.txStatus(cookie);
        switch (status) {
            case COMPLETE:
                // A completed copy that did not copy is corruption, not a documented error.
                return Arrays.equals(src, dst) ? len : -Errno.EFAULT;
            case ERROR:
                return -Errno.EIO;
            default:
                // Issued transfers complete before issue_pending returns on these engines.
                return -Errno.ETIMEDOUT;
        }
    }
}
