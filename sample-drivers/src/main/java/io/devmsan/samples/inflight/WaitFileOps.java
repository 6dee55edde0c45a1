package io.devmsan.samples.inflight;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;

/**
 * The ioctl device's operations: one ioctl posts an event, another sleeps until one is posted and
 * returns the count. The sleeping one loads the context pointer before it sleeps and uses it after.
 */
final class WaitFileOps implements FileOperations {

    static final WaitFileOps INSTANCE = new WaitFileOps();

    /** {@code _IO('W', 1)}: posts an event; returns the count so far. */
    static final int WAIT_IOC_POST = 0x5701;
    /** {@code _IO('W', 2)}: sleeps until an event is posted; returns the count. */
    static final int WAIT_IOC_WAIT = 0x5702;

    private WaitFileOps() {
    }

    @Override
    public int open(File file) {
        file.setPrivateData(file.cdev().container(WaitIoctlDev.class));
        return 0;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        WaitIoctlDev idev = file.privateData(WaitIoctlDev.class);
        WaitContext ctx = idev.context; // devmsan: expect unbind-race, unfenced-access
        switch (cmd) {
            case WAIT_IOC_POST:
                long count = ctx.events.incrementAndGet();
                idev.posted.complete();
                return count;
            case WAIT_IOC_WAIT:
                int ret = idev.posted.waitForCompletionInterruptible();
                if (ret < 0) {
                    return ret;
                }
                // The parent's device lock orders this after any unbind in progress, but nothing
                // checks that the driver is still bound once the lock is ours.
                Device parent = idev.dev.parent();
                parent.lock();
                try {
                    return ctx.events.get(); // devmsan: expect use-after-unbind
                } finally {
                    parent.unlock();
                }
            default:
                return -Errno.ENOTTY;
        }
    }

    @Override
    public int release(File file) {
        file.setPrivateData(null);
        return 0;
    }
}
