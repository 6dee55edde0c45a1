package io.devmsan.samples.inflight;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Completion;

/**
 * The ioctl device, allocated plainly and refcounted like seed 003's: its device structure, its
 * character device, the completion waiters sleep on, and the pointer to the parent's context.
 */
final class WaitIoctlDev {

    /** The device structure; its last put frees this object. */
    final Device dev;
    /** The character device user space opens. */
    final Cdev cdev;
    /** Completed once per posted event; completed for all at remove, so nobody sleeps forever. */
    final Completion posted = new Completion();

    /** The parent driver's context; it belongs to the parent's bind. */
    @DevmScoped
    WaitContext context;

    WaitIoctlDev(Device parent, String name) {
        this.dev = new Device(name, parent, gone -> Slab.kfree(this));
        this.cdev = new Cdev(WaitFileOps.INSTANCE, this);
    }
}
