package io.devmsan.kernel.cdev;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.sync.ActiveRef;

/**
 * The fence of {@link Cdev#devmAdd}: one count of in-flight operations for every file of the
 * character device ({@code percpu_ref}, as a request queue has for its block devices), shut when the
 * host's devres unwinds. Operations after that return {@code -ENXIO}, like an open of a deleted
 * character device. Release is not fenced, as in debugfs whose mechanism the proposal reuses: the
 * file still has to be released, so a driver's release must not use what the host's devres frees.
 */
final class HostBoundedOperations implements OperationFence {

    private final ActiveRef inFlight;

    HostBoundedOperations(String name) {
        this.inFlight = new ActiveRef(name + " in-flight operations");
    }

    @Override
    public int enter() {
        return inFlight.tryGet() ? 0 : -Errno.ENXIO;
    }

    @Override
    public void exit() {
        inFlight.put();
    }

    @Override
    public void opened(File file) {
    }

    @Override
    public void release(File file) {
        file.runRelease();
    }

    /** Refuses every later operation and waits until the operations inside have returned. */
    void shut() {
        inFlight.killAndDrain();
    }

    @Override
    public String toString() {
        return inFlight.toString();
    }
}
