package io.devmsan.runtime;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The runtime's records of the model's devices, character devices and files, keyed weakly by
 * identity, and the sequence that orders their lifecycle events.
 */
final class Registry {

    final WeakIdentityMap<DeviceRecord> devices = new WeakIdentityMap<>();
    final WeakIdentityMap<CdevRecord> cdevs = new WeakIdentityMap<>();
    final WeakIdentityMap<FileRecord> files = new WeakIdentityMap<>();

    private final AtomicLong sequence = new AtomicLong();

    Registry() {
    }

    /** The record of {@code device}, created (and named) the first time it is seen. */
    DeviceRecord device(Object device) {
        DeviceRecord known = devices.get(device);
        if (known != null) {
            return known;
        }
        // Named outside the map's lock: toString is driver code.
        String name = Names.of(device);
        return devices.computeIfAbsent(device, () -> new DeviceRecord(name));
    }

    /** The next number in the global order of cdev adds, deletes and file opens. */
    long nextSequence() {
        return sequence.incrementAndGet();
    }

    /** The device that {@code file} was opened for, or null when unknown. */
    DeviceRecord deviceOfFile(Object file) {
        FileRecord record = files.get(file);
        return record == null || record.cdev == null ? null : record.cdev.device;
    }
}
