package io.devmsan.samples.waitclose;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * wcdev's file operations: open takes the read side of the node's rw-semaphore and release drops
 * it, so the operations in between use the devm context without any check.
 */
final class WcdevFileOps implements FileOperations {

    static final WcdevFileOps INSTANCE = new WcdevFileOps();

    private WcdevFileOps() {
    }

    @Override
    public int open(File file) {
        WcdevNode node = file.cdev().container(WcdevNode.class);
        node.openFiles.downRead();
        if (node.dead) {
            // An open that looked the node up before cdev_del and got here after the unbind.
            node.openFiles.upRead();
            return -Errno.ENODEV;
        }
        file.setPrivateData(node);
        return 0;
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        WcdevContext ctx = file.privateData(WcdevNode.class).context;
        int value = ctx.regs.readl(WcdevDriver.REG_DATA);
        int n = Math.min(count, 4);
        for (int i = 0; i < n; i++) {
            buf[i] = (byte) (value >>> (8 * i));
        }
        return n;
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        WcdevContext ctx = file.privateData(WcdevNode.class).context;
        int value = 0;
        for (int i = 0; i < Math.min(count, 4); i++) {
            value |= (buf[i] & 0xff) << (8 * i);
        }
        ctx.regs.writel(value, WcdevDriver.REG_DATA);
        return count;
    }

    @Override
    public int release(File file) {
        WcdevNode node = file.privateData(WcdevNode.class);
        file.setPrivateData(null);
        node.openFiles.upRead();
        return 0;
    }
}
