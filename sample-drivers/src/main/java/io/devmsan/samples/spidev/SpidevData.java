package io.devmsan.samples.spidev;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Mutex;

/**
 * {@code struct spidev_data}: allocated plainly, so it outlives the unbind while files are open,
 * with the two locks of spidev: {@link #spiLock} guards the pointer to the SPI device, which
 * {@code remove()} clears, and {@link #bufLock} serialises transfers of all open files.
 */
public final class SpidevData {

    /** The node's device structure; the character device pins it. */
    public final Device dev;
    /** The character device user space opens. */
    public final Cdev cdev;
    /** {@code spi_lock}: held to read or clear {@link #spi}. */
    public final Mutex spiLock = new Mutex("spi_lock");
    /** {@code buf_lock}: held for a whole transfer; the unbind never takes it. */
    public final Mutex bufLock = new Mutex("buf_lock");

    /** {@code spidev->spi}: the bound device's transfer state; null once the driver is unbound. */
    @DevmScoped
    public SpiHost spi;

    SpidevData(Device parent, String name, FileOperations fops) {
        this.dev = new Device(name, parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(fops, this);
    }
}
