package io.devmsan.samples.modunload.counted;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.sync.Mutex;

/**
 * The counted module's static data: its mutex, the request counter its ioctl serves, and its
 * character device. It lives in the module image and is freed when the image is unmapped.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
final class CountedStatics {

    /** {@code counted_lock}: serialises the operations and the unload. */
    final Mutex lock;
    /** Requests served so far. */
    long requests;
    /** The node's device structure while a device is bound. */
    Device node;
    /** The character device while a device is bound. */
    Cdev cdev;

    CountedStatics(Mutex lock) {
        this.lock = lock;
    }
}
