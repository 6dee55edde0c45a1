package io.devmsan.samples.dmaengine.pinned;

import io.devmsan.samples.dmaengine.DmaMachine;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.dmaengine.DmaCopyUapi;

/**
 * Seed 004's point, played: the consumer's channel pins the provider's module, so rmmod is
 * refused, yet the provider's device unbinds through sysfs, and the consumer's next copy runs in
 * the provider's freed state.
 */
public final class PinnedStory {

    private static final int LEN = 256;

    private PinnedStory() {
    }

    /**
     * Open the consumer (a channel is requested), copy, try to unload the provider's module
     * (refused), unbind the provider, copy again, close. Without the sanitizer nothing visibly
     * fails: the second copy even succeeds.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void pinnedModuleUnboundDevice() throws Exception {
        DmaMachine platform = PinnedPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.consumerNode());
            try {
                long copied = file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN);
                expect(copied == LEN, "copy while bound returned " + Errno.name(copied));

                int rmmod = platform.module().unload();
                expect(rmmod == -Errno.EWOULDBLOCK, "rmmod of the pinned provider returned " + Errno.name(rmmod));

                int unbound = platform.bus().unbind(platform.provider());
                expect(unbound == 0, "unbind of the provider returned " + Errno.name(unbound));

                long after = file.ioctl(DmaCopyUapi.DMACOPY_IOC_COPY, LEN);
                expect(after == LEN, "copy after unbind returned " + Errno.name(after)
                        + ", expected the stale success");
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("dmaengine-module-pinned story: " + failure);
        }
    }
}
