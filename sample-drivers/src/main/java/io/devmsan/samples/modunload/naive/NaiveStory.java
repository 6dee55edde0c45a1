package io.devmsan.samples.modunload.naive;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.userspace.UserThread;

/**
 * Seed 002's race, played step by step: {@code rmmod} takes the module's mutex, an {@code open}
 * comes in and waits for it, the unload decides nobody uses the device and the image is unmapped,
 * then the open gets the mutex.
 */
public final class NaiveStory {

    private NaiveStory() {
    }

    /**
     * rmmod and a racing open. The device lock is held by the story while both start, as any
     * sysfs write on the device (bind, driver_override) would hold it: rmmod's driver unregister
     * waits for it with the module's mutex held, which is the window the open arrives in.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void rmmodRacingOpen() throws Exception {
        NaivePlatform platform = NaivePlatform.boot();
        try {
            String node = platform.nodePath();
            UserThread<Integer> rmmod;
            UserThread<File> opener;
            platform.device().lock();
            try {
                rmmod = UserThread.start("rmmod " + NaiveModule.NAME, () -> platform.image().unload());
                rmmod.awaitBlocked();
                expect(rmmod.isAlive() && platform.module().lockHeld(),
                        "rmmod should wait for the device lock with naive_lock held");
                opener = UserThread.start("open " + node, () -> Devtmpfs.open(node));
                opener.awaitBlocked();
                expect(opener.isAlive(), "the open should wait for naive_lock");
            } finally {
                platform.device().unlock();
            }
            int unloaded = rmmod.join();
            expect(unloaded == 0, "rmmod returned " + Errno.name(unloaded));
            File file = opener.join();
            expect(!platform.image().isLive(), "the image should be unmapped");
            file.close();
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("module-unload-naive story: " + failure);
        }
    }
}
