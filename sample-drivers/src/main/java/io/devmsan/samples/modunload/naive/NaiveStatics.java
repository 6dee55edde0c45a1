package io.devmsan.samples.modunload.naive;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.sync.Mutex;

/**
 * The naive module's static data: the mutex it defines with {@code DEFINE_MUTEX}, the count of
 * open files that mutex guards, and its character device. It lives in the module image, so it is
 * freed when the image is unmapped; the sanitizer tracks it once the image adopts it.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
final class NaiveStatics {

    /** {@code naive_lock}: serialises open, release and the unload decision. */
    final Mutex lock;
    /** Files open on the device; the unload refuses while it is not zero. */
    int opens;
    /** The node's device structure while a device is bound. */
    Device node;
    /** The character device while a device is bound. */
    Cdev cdev;

    NaiveStatics(Mutex lock) {
        this.lock = lock;
    }
}
