package io.devmsan.samples.cdevkill;

import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * kdev's file operations: read returns the counter register, write adds the first byte to it, ioctl
 * returns the number of open files. All of them, release included, use the devm context; the
 * killable character device guarantees that none of them runs after {@code remove()}.
 */
final class KdevFileOps implements FileOperations {

    static final KdevFileOps INSTANCE = new KdevFileOps();

    private KdevFileOps() {
    }

    @Override
    public int open(File file) {
        KdevNode node = file.cdev().container(KdevNode.class);
        node.context.openFiles.incrementAndGet();
        file.setPrivateData(node);
        return 0;
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        KdevContext ctx = file.privateData(KdevNode.class).context;
        int value = ctx.regs.readl(KdevDriver.REG_COUNTER);
        int n = Math.min(count, 4);
        for (int i = 0; i < n; i++) {
            buf[i] = (byte) (value >>> (8 * i));
        }
        return n;
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        if (count == 0) {
            return 0;
        }
        KdevContext ctx = file.privateData(KdevNode.class).context;
        synchronized (ctx.regs) {
            ctx.regs.writel(ctx.regs.readl(KdevDriver.REG_COUNTER) + (buf[0] & 0xff), KdevDriver.REG_COUNTER);
        }
        return count;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        return file.privateData(KdevNode.class).context.openFiles.get();
    }

    @Override
    public int release(File file) {
        // Runs at the last close, or in cdev_kill() during remove(): either way while bound.
        file.privateData(KdevNode.class).context.openFiles.decrementAndGet();
        file.setPrivateData(null);
        return 0;
    }
}
