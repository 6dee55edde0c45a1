package io.devmsan.samples.xyz.hostbounded;

import static io.devmsan.samples.runner.Steps.expect;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.xyz.XyzDriver;
import io.devmsan.samples.xyz.XyzPlatform;
import io.devmsan.samples.xyz.XyzUapi;
import java.util.concurrent.TimeUnit;

/** The xyz reproducer (open, unbind, ioctl) on the driver with a host-bounded character device. */
public final class HostBoundedStory {

    private static final String STORY = "xyz host-bounded";

    private HostBoundedStory() {
    }

    /**
     * Open, ioctl, unbind from another thread, ioctl again: the second ioctl fails with
     * {@code -ENXIO} without reaching the driver, and the file still closes cleanly.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindIoctl() throws Exception {
        XyzPlatform platform = XyzPlatform.boot(XyzDriver.CdevRegistration.DEVM_CDEV_DEVICE_ADD);
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                long before = file.ioctl(XyzUapi.XYZ_IOC_COUNT, 0);
                expect(STORY, before == 1, "ioctl while bound returned " + Errno.name(before));

                int unbound = platform.bus().unbindAsync(platform.device()).get(10, TimeUnit.SECONDS);
                expect(STORY, unbound == 0, "unbind returned " + Errno.name(unbound));

                long after = file.ioctl(XyzUapi.XYZ_IOC_COUNT, 0);
                expect(STORY, after == -Errno.ENXIO, "ioctl after unbind returned " + Errno.name(after)
                        + ", expected -ENXIO");
            } finally {
                expect(STORY, file.close() == 0, "close after unbind failed");
            }
        } finally {
            platform.shutdown();
        }
    }
}
