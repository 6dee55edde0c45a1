package io.devmsan.samples.modunload.counted;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.userspace.UserThread;

/**
 * The race of seed 002 on the counted module: the same rmmod and racing open as the naive story,
 * plus a file opened before the unload that keeps being used after it.
 */
public final class CountedStory {

    private CountedStory() {
    }

    /**
     * A file is open; rmmod starts and, with the module's mutex held, waits for the device lock
     * (held by the story as a sysfs write on the device would hold it); an open arrives then. The
     * open is refused with {@code -ENXIO} without entering the module, rmmod completes, and the
     * file opened before fails with {@code -ENODEV}.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void rmmodRacingOpen() throws Exception {
        CountedPlatform platform = CountedPlatform.boot();
        try {
            String node = platform.nodePath();
            File early = Devtmpfs.open(node);
            try {
                long served = early.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, 0);
                expect(served == 1, "the first request returned " + Errno.name(served));

                UserThread<Integer> rmmod;
                platform.device().lock();
                try {
                    rmmod = UserThread.start("rmmod " + CountedModule.NAME, platform::rmmod);
                    rmmod.awaitBlocked();
                    expect(rmmod.isAlive() && platform.module().unloading(),
                            "rmmod should wait for the device lock, unloading");
                    int refused = racingOpen(node);
                    expect(refused == -Errno.ENXIO, "the racing open returned " + Errno.name(refused)
                            + ", expected -ENXIO");
                } finally {
                    platform.device().unlock();
                }
                int unloaded = rmmod.join();
                expect(unloaded == 0, "rmmod returned " + Errno.name(unloaded));

                long after = early.ioctl(CountedFileOps.COUNTED_IOC_REQUEST, 0);
                expect(after == -Errno.ENODEV, "a request after rmmod returned " + Errno.name(after)
                        + ", expected -ENODEV");
            } finally {
                early.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    /** Opens {@code node} on another thread: 0 when it opened (and is closed again), else the errno. */
    private static int racingOpen(String node) throws Exception {
        UserThread<File> opener = UserThread.start("open " + node, () -> Devtmpfs.open(node));
        try {
            opener.join().close();
            return 0;
        } catch (ErrnoException refused) {
            return refused.errno();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("module-unload-counted story: " + failure);
        }
    }
}
