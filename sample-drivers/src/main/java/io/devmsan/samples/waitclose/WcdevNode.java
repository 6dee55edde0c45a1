package io.devmsan.samples.waitclose;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.RwSemaphore;

/**
 * The node ({@code struct wcdev_node}), allocated plainly and refcounted by its device structure:
 * the character device, the rw-semaphore every open file holds for reading, and the flag that the
 * unbind sets under its write side.
 */
final class WcdevNode {

    final Device dev;
    final Cdev cdev;
    /** Read side held by every open file; unbind takes the write side. */
    final RwSemaphore openFiles = new RwSemaphore("wcdev open files");
    /** Set by unbind under the write side of {@link #openFiles}, read under its read side. */
    boolean dead;

    /** The parent's devm context, stored in probe: it dies at unbind. */
    @DevmScoped
    WcdevContext context;

    WcdevNode(Device parent, String name) {
        this.dev = new Device(name, parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(WcdevFileOps.INSTANCE, this);
    }
}
