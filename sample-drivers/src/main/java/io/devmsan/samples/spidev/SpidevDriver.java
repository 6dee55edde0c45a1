package io.devmsan.samples.spidev;

import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The spidev driver: probe sets up the SPI device's transfer state with devres and a plainly
 * allocated {@link SpidevData} with a character device; {@code remove()} clears the pointer to
 * the transfer state under {@code spi_lock} and deletes the character device. Devres then frees the
 * transfer state. How a transfer uses the pointer is the file operations' business, which the two
 * scenarios do differently.
 */
public final class SpidevDriver implements Driver {

    /** The driver's name; it binds devices named {@code spidev} or {@code spidev.<id>}. */
    public static final String NAME = "spidev";

    private static final AtomicInteger MINORS = new AtomicInteger();

    private final FileOperations fops;

    /** @param fops the file operations of its nodes */
    public SpidevDriver(FileOperations fops) {
        this.fops = fops;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public int probe(Device pdev) {
        SpiHost host = Devm.kzalloc(pdev, SpiHost::new);
        SpidevData data = Slab.kzalloc(() -> new SpidevData(pdev, "spidev0." + MINORS.getAndIncrement(), fops));
        data.spi = host;
        pdev.setDrvdata(data);
        int ret = data.cdev.add(pdev, data.dev);
        if (ret < 0) {
            data.dev.put();
        }
        return ret;
    }

    @Override
    public void remove(Device pdev) {
        SpidevData data = pdev.getDrvdata(SpidevData.class);
        // spidev_remove: make the SPI device unreachable for transfers that have not looked yet.
        data.spiLock.lock();
        try {
            data.spi = null;
        } finally {
            data.spiLock.unlock();
        }
        if (data.cdev.isAdded()) {
            data.cdev.del();
        }
        data.dev.put();
    }
}
