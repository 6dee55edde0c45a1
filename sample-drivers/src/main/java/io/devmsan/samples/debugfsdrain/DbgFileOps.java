package io.devmsan.samples.debugfsdrain;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * The debugfs file's real operations: read dumps the scratch register (and counts the dump), write
 * stores into it, poll says it is readable. They find the devm context in the file's private data
 * ({@code simple_open}) and use it without any check: the debugfs proxy runs them only while the
 * file is alive. Release does not touch the context: debugfs does not protect it.
 */
final class DbgFileOps implements FileOperations {

    static final DbgFileOps INSTANCE = new DbgFileOps();

    private DbgFileOps() {
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        DbgContext ctx = file.privateData(DbgContext.class);
        int value = ctx.regs.readl(DbgDriver.REG_SCRATCH);
        ctx.dumps.incrementAndGet();
        int n = Math.min(count, 4);
        for (int i = 0; i < n; i++) {
            buf[i] = (byte) (value >>> (8 * i));
        }
        return n;
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        if (count < 1) {
            return -Errno.EINVAL;
        }
        DbgContext ctx = file.privateData(DbgContext.class);
        int value = 0;
        for (int i = 0; i < Math.min(count, 4); i++) {
            value |= (buf[i] & 0xff) << (8 * i);
        }
        ctx.regs.writel(value, DbgDriver.REG_SCRATCH);
        return count;
    }

    @Override
    public int poll(File file) {
        return file.privateData(DbgContext.class).regs.isMapped() ? EPOLLIN | EPOLLRDNORM : EPOLLERR;
    }

    @Override
    public int release(File file) {
        // Not proxied, may run long after unbind: forget the context, never dereference it.
        file.setPrivateData(null);
        return 0;
    }
}
