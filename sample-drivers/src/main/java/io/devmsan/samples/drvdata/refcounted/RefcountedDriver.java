package io.devmsan.samples.drvdata.refcounted;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;

/**
 * A character-device driver whose private data is allocated plainly and refcounted, as seed 001
 * asks of drivers: {@code remove()} fences the hardware off under the driver's lock, deletes the
 * character device and drops the probe's reference; the release callback frees the data once the
 * last open file is closed.
 */
public final class RefcountedDriver implements Driver {

    /** The driver's name; it binds devices named {@code refcdev} or {@code refcdev.<id>}. */
    public static final String NAME = "refcdev";

    static final int REGS_SIZE = 0x10;

    /** A driver instance, to register on a bus. */
    public RefcountedDriver() {
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        RefcountedPriv priv = Slab.kzalloc(() -> new RefcountedPriv(pdev, nodeName(pdev)));
        priv.regs = Devm.ioremap(pdev, REGS_SIZE);
        pdev.setDrvdata(priv);
        int ret = priv.cdev.add(pdev, priv.dev);
        if (ret < 0) {
            priv.dev.put();
            return ret;
        }
        return 0;
    }

    @Override
    public void remove(Device pdev) {
        RefcountedPriv priv = pdev.getDrvdata(RefcountedPriv.class);
        priv.lock.lock();
        try {
            // Waits for the operation holding the lock, and makes every later one fail.
            priv.regs = null;
        } finally {
            priv.lock.unlock();
        }
        priv.cdev.del();
        priv.dev.put();
    }

    /** The release callback of the class device: the last reference is gone. */
    static void release(RefcountedPriv priv) {
        priv.released = true;
        Slab.kfree(priv);
    }

    /** {@code refcdev.3} gets the node {@code refcdev3}. */
    static String nodeName(Device pdev) {
        return pdev.name().replace(".", "");
    }
}
