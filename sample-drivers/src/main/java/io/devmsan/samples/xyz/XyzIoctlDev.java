package io.devmsan.samples.xyz;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;

/**
 * The ioctl device ({@code struct xyz_ioctl_dev}), allocated with a plain {@code kmalloc}: its own
 * refcounted device structure and its character device. Open files pin it, so it outlives unbind;
 * its release frees it after the last close.
 */
final class XyzIoctlDev {

    /** The device structure; its last put frees this object. */
    final Device dev;
    /** The character device user space opens. */
    final Cdev cdev;

    /**
     * The parent driver's context, stored in probe. It belongs to the parent's bind scope: after
     * unbind it points to memory devres freed.
     */
    @DevmScoped
    XyzContext context;

    XyzIoctlDev(Device parent, String name) {
        this.dev = new Device(name, parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(XyzFileOps.INSTANCE, this);
    }
}
