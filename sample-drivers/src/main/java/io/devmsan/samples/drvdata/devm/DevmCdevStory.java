package io.devmsan.samples.drvdata.devm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;

/** Open, unbind, close: the last close runs release, which reaches the devm driver data. */
public final class DevmCdevStory {

    private DevmCdevStory() {
    }

    /**
     * Open and ask for the user count while bound, unbind, close. Without the sanitizer nothing
     * visibly fails: release decrements a counter in freed memory.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindClose() throws Exception {
        DevmCdevPlatform platform = DevmCdevPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                long users = file.ioctl(DevmCdevFileOps.DEVMCDEV_IOC_USERS, 0);
                expect(users == 1, "users while bound: " + Errno.name(users));
                int unbound = platform.bus().unbind(platform.device());
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));
            } finally {
                int closed = file.close();
                expect(closed == 0, "close returned " + Errno.name(closed));
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("devm-drvdata-cdev story: " + failure);
        }
    }
}
