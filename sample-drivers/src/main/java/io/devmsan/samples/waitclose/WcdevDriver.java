package io.devmsan.samples.waitclose;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The wcdev platform driver: a devm context with a data register, a character device on a plainly
 * allocated node. {@code remove()} deletes the character device and waits until every open file is
 * closed before it lets devres unwind.
 */
public final class WcdevDriver implements Driver {

    /** The driver's name; it binds devices named {@code wcdev} or {@code wcdev.<id>}. */
    public static final String NAME = "wcdev";

    /** The data register: read returns it, write stores into it. */
    static final int REG_DATA = 0x0;
    static final int REGS_SIZE = 0x10;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** A driver instance, to register on a bus. */
    public WcdevDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        WcdevContext ctx = Devm.kzalloc(pdev, WcdevContext::new);
        ctx.regs = Devm.ioremap(pdev, REGS_SIZE);
        String name = NAME + INSTANCES.getAndIncrement();
        WcdevNode node = Slab.kzalloc(() -> new WcdevNode(pdev, name));
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
        WcdevNode node = pdev.getDrvdata(WcdevContext.class).node;
        node.cdev.del();
        // Like device_del waiting for sysfs users: every open file holds the read side.
        node.openFiles.downWrite();
        try {
            node.dead = true;
        } finally {
            node.openFiles.upWrite();
        }
        node.dev.put();
    }
}
