package io.devmsan.samples.uio.locked;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.uio.UioDevice;
import io.devmsan.samples.uio.UioNode;
import io.devmsan.samples.uio.UioReads;

/**
 * UIO's open as fixed: the lookup and the reference happen in one critical section of
 * {@code minor_lock}, the lock {@code remove()} takes to unregister the minor. Either open finds
 * nothing, or it holds a reference before {@code remove()} can look for users to wait for.
 */
final class LockedOpenFops implements FileOperations {

    static final LockedOpenFops INSTANCE = new LockedOpenFops();

    private LockedOpenFops() {
    }

    @Override
    public int open(File file) {
        UioNode node = file.cdev().container(UioNode.class);
        node.minors.lock.lock();
        try {
            UioDevice idev = node.minors.find(node.minor);
            if (idev == null || !idev.users.tryGet()) {
                return -Errno.ENODEV;
            }
            file.setPrivateData(idev);
            return 0;
        } finally {
            node.minors.lock.unlock();
        }
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
