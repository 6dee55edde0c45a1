package io.devmsan.runtime;

/**
 * The file operation a violation happened in, as recorded at its first occurrence.
 *
 * @param name the operation, such as {@code ioctl}
 * @param file the file as its toString() printed it when opened
 * @param cdev the character device's name, or null when unknown
 * @param openedBeforeUnregister whether the file was opened before its cdev was unregistered
 * @param inFlightAcrossUnbind whether the operation was running when the unbind completed
 */
record FileOperationInfo(String name, String file, String cdev, boolean openedBeforeUnregister,
        boolean inFlightAcrossUnbind) implements Violation.FileOperation {
}
