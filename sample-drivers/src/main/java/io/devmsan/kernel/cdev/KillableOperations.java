package io.devmsan.kernel.cdev;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.sync.RwSemaphore;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shim {@link Cdev#kill()} needs: every operation holds the read side of a rw-semaphore, and the
 * kill takes the write side, so it waits for the operations inside, marks every open file dead and
 * runs the driver's release for each of them right away, while the driver is still bound. Later
 * operations on a killed file return {@code -EIO}; its last close no longer reaches the driver.
 *
 * <p>The set of files whose driver release has not run yet is changed under the read side by many
 * threads at once, hence a concurrent set; the kill walks it under the write side, alone.
 */
final class KillableOperations implements OperationFence {

    private final RwSemaphore shim;
    private final Set<File> unreleased = ConcurrentHashMap.newKeySet();
    /** Written under the write side, read under the read side. */
    private boolean killed;

    KillableOperations(String name) {
        this.shim = new RwSemaphore(name + " kill shim");
    }

    @Override
    public int enter() {
        shim.downRead();
        if (killed) {
            shim.upRead();
            return -Errno.EIO;
        }
        return 0;
    }

    @Override
    public void exit() {
        shim.upRead();
    }

    @Override
    public void opened(File file) {
        unreleased.add(file);
    }

    @Override
    public void release(File file) {
        shim.downRead();
        try {
            if (unreleased.remove(file)) {
                file.runRelease();
            }
        } finally {
            shim.upRead();
        }
    }

    /**
     * Waits for the operations inside, refuses every later one and releases every open file now.
     *
     * @return the number of open files that were killed
     */
    int kill() {
        shim.downWrite();
        try {
            if (killed) {
                return 0;
            }
            killed = true;
            RuntimeException first = null;
            for (File file : unreleased) {
                try {
                    file.runRelease();
                } catch (RuntimeException e) {
                    // One broken release must not keep the other files alive; report it afterwards.
                    if (first == null) {
                        first = e;
                    }
                }
            }
            int count = unreleased.size();
            unreleased.clear();
            if (first != null) {
                throw first;
            }
            return count;
        } finally {
            shim.upWrite();
        }
    }

    @Override
    public String toString() {
        return shim.toString();
    }
}
