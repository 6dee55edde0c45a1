package io.devmsan.samples.xyz;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import java.util.concurrent.TimeUnit;

/**
 * The classic way to reproduce a use after unbind, played on the xyz driver: hold the node open,
 * unbind through sysfs from another thread, then call ioctl on the file that is still open.
 */
public final class XyzStory {

    private XyzStory() {
    }

    /**
     * Open, unbind from another thread, ioctl. Without the sanitizer nothing visibly fails: the
     * second ioctl reaches the driver and answers from the freed context, which is the bug.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindIoctl() throws Exception {
        XyzPlatform platform = XyzPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                long before = file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0);
                expect(before >= 0, "ioctl while bound returned " + Errno.name(before));

                int unbound = platform.bus().unbindAsync(platform.device()).get(10, TimeUnit.SECONDS);
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));

                long after = file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0);
                expect(after == before, "ioctl after unbind returned " + Errno.name(after)
                        + ", expected the stale instance " + before);
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("xyz story: " + failure);
        }
    }
}
