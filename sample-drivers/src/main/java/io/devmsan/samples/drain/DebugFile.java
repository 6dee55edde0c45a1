package io.devmsan.samples.drain;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.ActiveRef;

/**
 * A debugfs-style file: plainly allocated, so it outlives the driver, with its count of active
 * users. Every read runs between a successful {@code tryGet} and {@code put} of {@link #active}
 * (debugfs's proxy), so {@code remove()} can kill the count and drain the readers before devres
 * frees the state they use.
 */
public final class DebugFile implements FileOperations {

    /** The node's device structure; the character device pins it. */
    final Device dev;
    /** The character device user space opens. */
    final Cdev cdev;
    /** The active users; killed and drained by {@code remove()}. */
    public final ActiveRef active = new ActiveRef("debugfs active");

    /** The driver's state the file shows; devres memory. */
    @DevmScoped
    public SensorState state;

    DebugFile(Device parent, String name) {
        this.dev = new Device(name, parent, released -> Slab.kfree(this));
        this.cdev = new Cdev(this, this);
    }

    /** The proxied read: {@code -EIO} once the file is dead, else the first sample, under the driver's lock. */
    @Override
    public long read(File file, byte[] buf, int count) {
        if (!active.tryGet()) {
            return -Errno.EIO;
        }
        try {
            SensorState st = state;
            st.cfgLock.lock(); // devmsan: expect unbind-hang (drain-under-lock-hang)
            try {
                int n = Math.min(count, st.samples.length);
                for (int i = 0; i < n; i++) {
                    buf[i] = (byte) st.samples[i];
                }
                return n;
            } finally {
                st.cfgLock.unlock();
            }
        } finally {
            active.put();
        }
    }
}
