package io.devmsan.samples.inflight;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;

/**
 * The parent driver: a devm context, a plainly allocated ioctl device pointing to it, and the
 * character device. {@code remove()} wakes every sleeper, deletes the character device and drops
 * its reference to the ioctl device; devres then frees the context, while a woken sleeper is still
 * inside its ioctl.
 */
public final class WaitDriver implements Driver {

    /** The driver's name; it binds devices named {@code xyzwait} or {@code xyzwait.<id>}. */
    public static final String NAME = "xyzwait";

    /** A driver instance, to register on a bus. */
    public WaitDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        WaitContext ctx = Devm.kzalloc(pdev, WaitContext::new);
        WaitIoctlDev idev = Slab.kzalloc(() -> new WaitIoctlDev(pdev, nodeName(pdev)));
        idev.context = ctx;
        pdev.setDrvdata(idev);
        int ret = idev.cdev.add(pdev, idev.dev);
        if (ret < 0) {
            idev.dev.put();
            return ret;
        }
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        WaitIoctlDev idev = pdev.getDrvdata(WaitIoctlDev.class);
        idev.posted.completeAll();
        idev.cdev.del();
        idev.dev.put();
    }

    /** {@code xyzwait.3} gets the node {@code xyzwait3}. */
    static String nodeName(Device pdev) {
        return pdev.name().replace(".", "");
    }
}
