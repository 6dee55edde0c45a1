package io.devmsan.samples.uio.split;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.uio.UioDevice;
import io.devmsan.samples.uio.UioNode;
import io.devmsan.samples.uio.UioReads;

/**
 * UIO's open as it was: the device is looked up under {@code minor_lock}, and the reference that
 * keeps it alive is taken after the lock is dropped. In between, {@code remove()} can take the
 * device out of the table, find no user to wait for, and let devres free it.
 */
final class SplitOpenFops implements FileOperations {

    static final SplitOpenFops INSTANCE = new SplitOpenFops();

    private SplitOpenFops() {
    }

    @Override
    public int open(File file) {
        UioNode node = file.cdev().container(UioNode.class);
        node.minors.lock.lock();
        UioDevice idev = node.minors.find(node.minor);
        node.minors.lock.unlock();
        if (idev == null) {
            return -Errno.ENODEV;
        }
        // A second step, no longer under the lock: the device found may be gone by now.
        if (!idev.users.tryGet()) { // devmsan: expect unbind-race, unfenced-access, use-after-unbind
            return -Errno.ENODEV;
        }
        file.setPrivateData(idev);
        return 0;
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        return UioReads.read(file, buf, count);
    }

    @Override
    public int release(File file) {
        return UioReads.release(file);
    }
}
