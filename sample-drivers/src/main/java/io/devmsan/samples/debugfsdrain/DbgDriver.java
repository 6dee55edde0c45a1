package io.devmsan.samples.debugfsdrain;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.debugfs.Debugfs;
import io.devmsan.kernel.devres.Devm;

/**
 * The dbg platform driver: a devm context with a scratch register, exposed in a debugfs file that
 * {@code remove()} removes; the removal drains the handlers before devres frees the context.
 */
public final class DbgDriver implements Driver {

    /** The driver's name; it binds devices named {@code dbg} or {@code dbg.<id>}. */
    public static final String NAME = "dbg";

    /** The scratch register: read returns it, write stores into it. */
    static final int REG_SCRATCH = 0x0;
    static final int REGS_SIZE = 0x10;

    /** A driver instance, to register on a bus. */
    public DbgDriver() {
    }

    /** The path of the debugfs file of {@code pdev}. */
    public static String debugfsPath(Device pdev) {
        return Debugfs.ROOT + fileName(pdev);
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        DbgContext ctx = Devm.kzalloc(pdev, DbgContext::new);
        ctx.regs = Devm.ioremap(pdev, REGS_SIZE);
        ctx.dentry = Debugfs.createFile(fileName(pdev), pdev, ctx, DbgFileOps.INSTANCE);
        pdev.setDrvdata(ctx);
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        // debugfs_remove: once it returns, no handler is running or will run.
        Debugfs.remove(pdev.getDrvdata(DbgContext.class).dentry);
    }

    private static String fileName(Device pdev) {
        return pdev.name() + ".regs";
    }
}
