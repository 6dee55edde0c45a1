package io.devmsan.kernel.core;

import io.devmsan.kernel.Errno;

/**
 * Carries a failed probe's errno out of {@link DriverCore#reallyProbe}: the lifecycle point must end
 * by throwing so that the sanitizer releases the bind scope, and the bus turns it back into the
 * kernel-style return value.
 */
final class ProbeFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errno;

    ProbeFailedException(int errno, Device dev, Driver drv) {
        super("probe of " + dev.name() + " by " + drv.name() + " failed with " + Errno.name(errno), null,
                false, false);
        this.errno = errno;
    }

    int errno() {
        return errno;
    }
}
