package io.devmsan.samples.unprotected;

import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.devres.IoMem;

/**
 * rawio's file operations: read returns the data register, write stores into it, both straight
 * through the devm mapping, without any check that the driver is still bound.
 */
final class RawioFileOps implements FileOperations {

    static final RawioFileOps INSTANCE = new RawioFileOps();

    private RawioFileOps() {
    }

    @Override
    public int open(File file) {
        file.setPrivateData(file.cdev().container(RawioDev.class));
        return 0;
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        RawioDev rawio = file.privateData(RawioDev.class);
        IoMem regs = rawio.regs; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        int value = regs.readl(RawioDriver.REG_DATA);
        int n = Math.min(count, 4);
        for (int i = 0; i < n; i++) {
            buf[i] = (byte) (value >>> (8 * i));
        }
        return n;
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        RawioDev rawio = file.privateData(RawioDev.class);
        int value = 0;
        for (int i = 0; i < Math.min(count, 4); i++) {
            value |= (buf[i] & 0xff) << (8 * i);
        }
        IoMem regs = rawio.regs; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        regs.writel(value, RawioDriver.REG_DATA);
        return count;
    }

    @Override
    public int release(File file) {
        file.setPrivateData(null);
        return 0;
    }
}
