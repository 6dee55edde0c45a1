package io.devmsan.runtime;

/** An opened file: its character device, when it was opened and by whom. Never refers to the file. */
final class FileRecord {

    /** Null when the cdev was never seen by {@code cdevAdd}. */
    final CdevRecord cdev;
    final String name;
    final long openSequence;
    final String openingThread;

    FileRecord(CdevRecord cdev, String name, long openSequence, String openingThread) {
        this.cdev = cdev;
        this.name = name;
        this.openSequence = openSequence;
        this.openingThread = openingThread;
    }

    /** True when the file's cdev has been unregistered and the file was opened before that. */
    boolean openedBeforeUnregister() {
        return cdev != null && cdev.unregisteredAfter(this);
    }
}
