package io.devmsan.samples.xyz;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The xyz platform driver: a devm context, a plainly allocated ioctl device that points to it, and
 * a character device on the ioctl device. As posted ({@link CdevRegistration#CDEV_DEVICE_ADD}),
 * {@code remove()} deletes the character device and drops its reference to the ioctl device; devres
 * then frees the context. With the proposed host-bounded registration the character device is
 * deleted, and its operations drained, by devres before the context is freed.
 */
public final class XyzDriver implements Driver {

    /** The driver's name; it binds devices named {@code xyz} or {@code xyz.<id>}. */
    public static final String NAME = "xyz";

    /** How probe registers the character device. */
    public enum CdevRegistration {
        /** {@code cdev_device_add}, deleted in {@code remove()}: open files outlive the context. */
        CDEV_DEVICE_ADD,
        /**
         * The proposed {@code devm_cdev_device_add(host, cdev, dev)} with the platform device as host:
         * operations are refused and drained when the host's devres unwinds, before the context goes.
         */
        DEVM_CDEV_DEVICE_ADD
    }

    /** Control register: bit 0 enables the device. */
    static final int REG_CTRL = 0x0;
    static final int CTRL_ENABLE = 0x1;
    static final int REGS_SIZE = 0x100;

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    private final CdevRegistration registration;

    /** A driver instance as posted ({@link CdevRegistration#CDEV_DEVICE_ADD}), to register on a bus. */
    public XyzDriver() {
        this(CdevRegistration.CDEV_DEVICE_ADD);
    }

    /** A driver instance registering its character device as {@code registration} says. */
    public XyzDriver(CdevRegistration registration) {
        this.registration = registration;
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

        int ret = registration == CdevRegistration.DEVM_CDEV_DEVICE_ADD
                ? ioctlDev.cdev.devmAdd(pdev, ioctlDev.dev)
                : ioctlDev.cdev.add(pdev, ioctlDev.dev);
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
        if (registration == CdevRegistration.CDEV_DEVICE_ADD) {
            ctx.ioctlDev.cdev.del();
        }
        ctx.ioctlDev.dev.put();
        // Devres frees ctx next. As posted, open files still reach ioctlDev, and through it, ctx;
        // host-bounded, devres first deletes the cdev and drains its operations.
    }
}
