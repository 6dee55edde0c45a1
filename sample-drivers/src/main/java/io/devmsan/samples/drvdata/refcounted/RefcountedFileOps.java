package io.devmsan.samples.drvdata.refcounted;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.devres.IoMem;

/**
 * The character device's operations: a 32-bit data register read and written through the file.
 * The private data itself is always valid (the file holds a reference); the registers are checked
 * under the lock, and once {@code remove()} cleared them every operation fails with
 * {@code -ENODEV}. Release needs nothing of the hardware.
 */
final class RefcountedFileOps implements FileOperations {

    static final RefcountedFileOps INSTANCE = new RefcountedFileOps();

    /** The data register. */
    static final int REG_DATA = 0x0;

    private RefcountedFileOps() {
    }

    @Override
    public int open(File file) {
        RefcountedPriv priv = file.cdev().container(RefcountedPriv.class);
        priv.lock.lock();
        try {
            if (priv.regs == null) {
                return -Errno.ENODEV;
            }
            priv.users++;
        } finally {
            priv.lock.unlock();
        }
        file.setPrivateData(priv);
        return 0;
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        if (count < 4) {
            return -Errno.EINVAL;
        }
        RefcountedPriv priv = file.privateData(RefcountedPriv.class);
        priv.lock.lock();
        try {
            IoMem regs = priv.regs;
            if (regs == null) {
                return -Errno.ENODEV;
            }
            int value = regs.readl(REG_DATA);
            for (int i = 0; i < 4; i++) {
                buf[i] = (byte) (value >>> (8 * i));
            }
            return 4;
        } finally {
            priv.lock.unlock();
        }
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        if (count < 4) {
            return -Errno.EINVAL;
        }
        RefcountedPriv priv = file.privateData(RefcountedPriv.class);
        int value = 0;
        for (int i = 0; i < 4; i++) {
            value |= (buf[i] & 0xff) << (8 * i);
        }
        priv.lock.lock();
        try {
            IoMem regs = priv.regs;
            if (regs == null) {
                return -Errno.ENODEV;
            }
            regs.writel(value, REG_DATA);
            return 4;
        } finally {
            priv.lock.unlock();
        }
    }

    @Override
    public int release(File file) {
        RefcountedPriv priv = file.privateData(RefcountedPriv.class);
        file.setPrivateData(null);
        priv.lock.lock();
        try {
            priv.users--;
        } finally {
            priv.lock.unlock();
        }
        return 0;
    }
}
