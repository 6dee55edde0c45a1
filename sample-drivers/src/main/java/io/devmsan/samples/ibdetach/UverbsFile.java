package io.devmsan.samples.ibdetach;

import io.devmsan.kernel.sync.Mutex;
import java.util.ArrayList;
import java.util.List;

/**
 * One open file's state ({@code struct ib_uverbs_file}): the hardware objects it created, destroyed
 * at its release or, when the device goes first, at disassociation.
 */
final class UverbsFile {

    final UverbsDevice device;
    /** Guards {@link #qps} and {@link #disassociated}. */
    final Mutex mutex = new Mutex("ufile");
    final List<Integer> qps = new ArrayList<>();
    /** Set when unregister destroyed this file's objects: the file is detached from the hardware. */
    boolean disassociated;

    UverbsFile(UverbsDevice device) {
        this.device = device;
    }

    /**
     * Destroys every hardware object of this file through {@code hw}, once
     * ({@code uverbs_destroy_ufile_hw}).
     */
    void destroyHw(IbHwContext hw) {
        mutex.lock();
        try {
            if (disassociated) {
                return;
            }
            for (int qpn : qps) {
                hw.destroyQp(qpn);
            }
            qps.clear();
            disassociated = true;
        } finally {
            mutex.unlock();
        }
    }
}
