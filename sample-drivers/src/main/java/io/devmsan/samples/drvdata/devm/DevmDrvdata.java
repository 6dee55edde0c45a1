package io.devmsan.samples.drvdata.devm;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.core.Device;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The driver's private data, allocated with {@code devm_kzalloc} and set as the platform device's
 * driver data: devres frees it right after {@code remove()}, whatever files are still open on the
 * character device whose container it is.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
final class DevmDrvdata {

    /** Open files; the last close would power the device down in a real driver. */
    final AtomicInteger users = new AtomicInteger();
    /** The node's device structure. */
    Device node;
    /** The character device; its container is this structure. */
    Cdev cdev;
}
