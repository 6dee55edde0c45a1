package io.devmsan.samples.xyz;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The xyz platform driver: a devm context, a plainly allocated ioctl device that points to it, and
 * a character device on the ioctl device. {@code remove()} deletes the character device and drops
 * its reference to the ioctl device; devres then frees the context.
 */
public final class XyzDriver implements Driver {

    /** The driver's name; it binds devices named {@code xyz} or {@code xyz.<id>}. */
    public static final String NAME = "xyz";

    /** Control register: bit 0 enables the device. */
    static final int REG_CTRL = 0x0;
    static final int CTRL_ENABLE = 0x1;
    static final int REGS_SIZE = 0x100;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** A driver instance, to register on a bus. */
    public XyzDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        XyzContext ctx = Devm.kzalloc(pdev, XyzContext::new);
        ctx.regs = Devm.ioremap(pdev, REGS_SIZE);
        ctx.regs.writel(CTRL_ENABLE, REG_CTRL);
        ctx.instance = INSTANCES.getAndIncrement();

        String name = NAME + ctx.instance;
        XyzIoctlDev ioctlDev = Slab.kzalloc(() -> new XyzIoctlDev(pdev, name));
        ioctlDev.context = ctx;
        ctx.ioctlDev = ioctlDev;
        pdev.setDrvdata(ctx);

        int ret = ioctlDev.cdev.add(pdev, ioctlDev.dev);
        if (ret < 0) {
            ioctlDev.dev.put();
            return ret;
        }
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        XyzContext ctx = pdev.getDrvdata(XyzContext.class);
        ctx.regs.writel(0, REG_CTRL);
        ctx.ioctlDev.cdev.del();
        ctx.ioctlDev.dev.put();
        // Devres frees ctx next; open files still reach ioctlDev, and through it, ctx.
    }
}
