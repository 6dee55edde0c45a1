package io.devmsan.samples.cdevkill;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The kdev platform driver: a devm context with a counter register, a killable character device on
 * a plainly allocated node. {@code remove()} deletes the character device, then kills its open
 * files, then lets devres unwind.
 */
public final class KdevDriver implements Driver {

    /** The driver's name; it binds devices named {@code kdev} or {@code kdev.<id>}. */
    public static final String NAME = "kdev";

    /** The counter register: read returns it, write adds to it. */
    static final int REG_COUNTER = 0x0;
    static final int REGS_SIZE = 0x10;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** A driver instance, to register on a bus. */
    public KdevDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        KdevContext ctx = Devm.kzalloc(pdev, KdevContext::new);
        ctx.regs = Devm.ioremap(pdev, REGS_SIZE);
        String name = NAME + INSTANCES.getAndIncrement();
        KdevNode node = Slab.kzalloc(() -> new KdevNode(pdev, name));
        node.context = ctx;
        ctx.node = node;
        pdev.setDrvdata(ctx);
        int ret = node.cdev.add(pdev, node.dev);
        if (ret < 0) {
            node.dev.put();
        }
        return ret;
    }

    @Override
    public void remove(Device pdev) {
        KdevContext ctx = pdev.getDrvdata(KdevContext.class);
        KdevNode node = ctx.node;
        node.cdev.del();
        node.cdev.kill();
        if (ctx.openFiles.get() != 0) {
            throw new IllegalStateException("kdev: " + ctx.openFiles.get() + " files still open after cdev_kill");
        }
        node.dev.put();
    }
}
