package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.samples.dmaengine.DmaMachine;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.dmaengine.DmaCopyUapi;

/** The pinned story on the graceful provider: after the unbind the consumer's copy fails cleanly. */
public final class GracefulStory {

    private static final int LEN = 256;

    private GracefulStory() {
    }

    /**
     * Open the consumer, copy, unbind the provider, copy again (fails with {@code -ENODEV}), close;
     * the close drops the last reference to the provider's state, which {@code device_release}
     * frees.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void unboundProviderFailsCopies() throws Exception {
        DmaMachine platform = GracefulPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.consumerNode());
            try {
                long copied = file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN);
                expect(copied == LEN, "copy while bound returned " + Errno.name(copied));

                int unbound = platform.bus().unbind(platform.provider());
                expect(unbound == 0, "unbind of the provider returned " + Errno.name(unbound));

                long after = file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN);
                expect(after == -Errno.ENODEV, "copy after unbind returned " + Errno.name(after)
                        + ", expected -ENODEV");
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("dmaengine-graceful story: " + failure);
        }
    }
}
