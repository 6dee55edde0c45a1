package io.devmsan.bench.driver;

import io.devmsan.annotations.Lifecycle;

/** The driver's character device: registered after probe, opened once per benchmark fork. */
public final class BenchCdev {

    private final BenchDevice dev;

    private BenchCdev(BenchDevice dev) {
        this.dev = dev;
    }

    /** {@code cdev_device_add()} for a bound device. */
    @Lifecycle.CdevAdd(cdev = Lifecycle.RETURNED, device = 0)
    public static BenchCdev add(BenchDevice dev) {
        return new BenchCdev(dev);
    }

    /** {@code open(2)}: a file whose private data is the driver's. */
    @Lifecycle.FileOpen(cdev = Lifecycle.THIS, file = Lifecycle.RETURNED)
    public BenchFile open() {
        XyzDev priv = dev.drvdata;
        if (priv == null) {
            throw new IllegalStateException("open of " + dev + ", which has no driver bound");
        }
        return new BenchFile(priv);
    }
}
