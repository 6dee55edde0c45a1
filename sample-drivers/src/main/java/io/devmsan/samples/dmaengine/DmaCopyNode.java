package io.devmsan.samples.dmaengine;

import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;

/** The consumer's per-device state: its node's device structure and character device. */
final class DmaCopyNode {

    final Device node;
    final Cdev cdev;

    DmaCopyNode(Device node, Cdev cdev) {
        this.node = node;
        this.cdev = cdev;
    }
}
