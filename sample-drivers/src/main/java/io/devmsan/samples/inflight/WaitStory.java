package io.devmsan.samples.inflight;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.userspace.UserThread;

/**
 * One process sleeps in an ioctl; the story unbinds the device meanwhile. Remove wakes the
 * sleeper, which queues on the device lock until the unbind is complete and then reads the
 * context devres freed.
 */
public final class WaitStory {

    private WaitStory() {
    }

    /**
     * Open, a second thread sleeps in the wait ioctl, unbind, the sleeper resumes. Without the
     * sanitizer nothing visibly fails: the ioctl returns the event count read from freed memory.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void ioctlSleepsAcrossUnbind() throws Exception {
        WaitPlatform platform = WaitPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                UserThread<Long> sleeper = UserThread.start("xyzwait sleeper",
                        () -> file.ioctl(WaitFileOps.WAIT_IOC_WAIT, 0));
                sleeper.awaitBlocked();
                expect(sleeper.isAlive(), "the wait ioctl should sleep until an event or unbind");

                int unbound = platform.bus().unbind(platform.device());
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));

                long woken = sleeper.join();
                expect(woken == 0, "the woken ioctl returned " + Errno.name(woken)
                        + ", expected the stale count 0");
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("in-flight-ioctl-across-unbind story: " + failure);
        }
    }
}
