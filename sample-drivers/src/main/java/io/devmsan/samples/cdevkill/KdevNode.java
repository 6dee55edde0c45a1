package io.devmsan.samples.cdevkill;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;

/**
 * The node ({@code struct kdev_node}), allocated plainly and refcounted by its device structure:
 * the killable character device and the pointer to the parent's context. Open files pin it.
 */
final class KdevNode {

    final Device dev;
    final Cdev cdev;

    /** The parent's devm context, stored in probe: it dies at unbind. */
    @DevmScoped
    KdevContext context;

    KdevNode(Device parent, String name) {
        this.dev = new Device(name, parent, released -> Slab.kfree(this));
        this.cdev = Cdev.killable(KdevFileOps.INSTANCE, this);
    }
}
