package io.devmsan.kernel.core;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.Errno;

/**
 * Binding and unbinding ({@code drivers/base/dd.c}): the two methods the sanitizer hooks to open
 * and close a device's bind scope. Callers hold the device lock.
 *
 * <p>The order is the kernel's and is the whole story of use after unbind: {@code remove()} runs,
 * then devres is released in reverse order of registration, then the driver data is cleared. An
 * open file, a pending timer or a consumer in another subsystem may still hold pointers into what
 * devres just freed.
 */
final class DriverCore {

    private DriverCore() {
    }

    /**
     * {@code driver_probe_device}: binds {@code drv} to {@code dev}.
     *
     * @return 0 or the probe's negative errno
     */
    static int probe(Device dev, Driver drv) {
        try {
            reallyProbe(dev, drv);
            return 0;
        } catch (ProbeFailedException e) {
            return e.errno();
        }
    }

    /**
     * {@code really_probe}: the bind scope opens at entry. A failed probe releases what it
     * registered with devres, in reverse order, and ends by throwing so that the scope is released
     * too; a successful one leaves the scope open until {@link #deviceReleaseDriver(Device)}.
     */
    @Lifecycle.Probe(device = 0)
    static void reallyProbe(Device dev, Driver drv) {
        requireLocked(dev, "really_probe");
        dev.driver = drv;
        int ret;
        try {
            ret = drv.probe(dev);
        } catch (RuntimeException | Error e) {
            unbindCleanup(dev);
            throw e;
        }
        if (ret > 0) {
            // The kernel warns about positive probe results and treats them as failures.
            ret = -Errno.EINVAL;
        }
        if (ret < 0) {
            unbindCleanup(dev);
            throw new ProbeFailedException(ret, dev, drv);
        }
    }

    /**
     * {@code __device_release_driver}: runs the driver's {@code remove()}, then releases every
     * devres entry in reverse order and clears the driver data; the bind scope is released when
     * this returns. The caller checked that a driver is bound.
     */
    @Lifecycle.Unbind(device = 0)
    static void deviceReleaseDriver(Device dev) {
        requireLocked(dev, "device_release_driver");
        Driver drv = dev.driver;
        try {
            drv.remove(dev);
        } finally {
            unbindCleanup(dev);
        }
    }

    /** {@code devres_release_all} followed by {@code device_unbind_cleanup}. */
    private static void unbindCleanup(Device dev) {
        try {
            dev.devres().releaseAll();
        } finally {
            dev.setDrvdata(null);
            dev.driver = null;
        }
    }

    private static void requireLocked(Device dev, String what) {
        if (!dev.isLockedByCurrentThread()) {
            throw new IllegalStateException(what + " of " + dev.name() + " without the device lock");
        }
    }
}
