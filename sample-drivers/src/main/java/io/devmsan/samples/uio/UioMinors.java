package io.devmsan.samples.uio;

import io.devmsan.kernel.sync.Mutex;
import java.util.HashMap;
import java.util.Map;

/**
 * UIO's minor table ({@code uio_idr} and {@code minor_lock}): open looks a device up here by minor
 * number, {@code remove()} takes it out. Lookups and changes hold {@link #lock}.
 */
public final class UioMinors {

    /** {@code minor_lock}. */
    public final Mutex lock = new Mutex("minor_lock");

    private final Map<Integer, UioDevice> devices = new HashMap<>();
    private int next;

    /** {@code uio_get_minor}: takes the lock, gives {@code idev} a minor, returns it. */
    int register(UioDevice idev) {
        lock.lock();
        try {
            int minor = next++;
            devices.put(minor, idev);
            return minor;
        } finally {
            lock.unlock();
        }
    }

    /** {@code uio_free_minor}: takes the lock; later lookups find nothing. */
    void unregister(int minor) {
        lock.lock();
        try {
            devices.remove(minor);
        } finally {
            lock.unlock();
        }
    }

    /** {@code idr_find}: the device registered as {@code minor}, or null. The caller holds {@link #lock}. */
    public UioDevice find(int minor) {
        if (!lock.isHeldByCurrentThread()) {
            throw new IllegalStateException("idr_find without minor_lock by " + Thread.currentThread().getName());
        }
        return devices.get(minor);
    }
}
