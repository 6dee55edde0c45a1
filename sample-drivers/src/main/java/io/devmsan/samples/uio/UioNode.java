package io.devmsan.samples.uio;

import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;

/**
 * The node {@code /dev/uioN}: a plainly allocated character device that knows only its minor
 * number and the table to look it up in, as an inode knows its minor. It outlives the driver.
 */
public final class UioNode {

    /** The node's device structure; the character device pins it. */
    public final Device dev;
    /** The character device user space opens. */
    public final Cdev cdev;
    /** Where open looks the device up. */
    public final UioMinors minors;
    /** The minor to look up. */
    public final int minor;

    UioNode(Device parent, UioMinors minors, int minor, FileOperations fops) {
        this.dev = new Device("uio" + minor + "." + parent.name(), parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(fops, this);
        this.minors = minors;
        this.minor = minor;
    }
}
