package io.devmsan.runtime;

/**
 * A registered character device: which device's driver serves it and when it was added and
 * unregistered, in the global order of lifecycle events. Never refers to the cdev object.
 */
final class CdevRecord {

    final DeviceRecord device;
    final String name;
    final long addSequence;

    /** 0 while registered. */
    volatile long delSequence;

    CdevRecord(DeviceRecord device, String name, long addSequence) {
        this.device = device;
        this.name = name;
        this.addSequence = addSequence;
    }

    /** True when {@code file} was opened on this cdev before it was unregistered. */
    boolean unregisteredAfter(FileRecord file) {
        long del = delSequence;
        return del != 0 && file.openSequence < del;
    }
}
