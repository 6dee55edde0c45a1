package io.devmsan.kernel.cdev;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Module;

/**
 * A driver's file operations ({@code struct file_operations}). Every method has the kernel's
 * default for a missing operation; a driver overrides what it supports.
 *
 * <p>Results follow the kernel: a count or 0 on success, a negative errno on failure.
 */
public interface FileOperations {

    /** Readable ({@code EPOLLIN}). */
    int EPOLLIN = 0x0001;
    /** Urgent data ({@code EPOLLPRI}). */
    int EPOLLPRI = 0x0002;
    /** Writable ({@code EPOLLOUT}). */
    int EPOLLOUT = 0x0004;
    /** Error ({@code EPOLLERR}). */
    int EPOLLERR = 0x0008;
    /** Hung up ({@code EPOLLHUP}). */
    int EPOLLHUP = 0x0010;
    /** Normal data readable ({@code EPOLLRDNORM}). */
    int EPOLLRDNORM = 0x0040;
    /** Normal data writable ({@code EPOLLWRNORM}). */
    int EPOLLWRNORM = 0x0100;
    /** What a file without a poll operation reports ({@code DEFAULT_POLLMASK}). */
    int DEFAULT_POLLMASK = EPOLLIN | EPOLLOUT | EPOLLRDNORM | EPOLLWRNORM;

    /** The module holding this code ({@code .owner = THIS_MODULE}); open files pin it. */
    default Module owner() {
        return null;
    }

    /** {@code .open}: sets up {@code file} (usually its private data); 0 or a negative errno. */
    default int open(File file) {
        return 0;
    }

    /** {@code .read}: fills {@code buf} from the file position; the count read or a negative errno. */
    default long read(File file, byte[] buf, int count) {
        return -Errno.EINVAL;
    }

    /** {@code .write}: consumes {@code count} bytes of {@code buf}; the count written or a negative errno. */
    default long write(File file, byte[] buf, int count) {
        return -Errno.EINVAL;
    }

    /** {@code .unlocked_ioctl}: the command's result or a negative errno. */
    default long ioctl(File file, int cmd, long arg) {
        return -Errno.ENOTTY;
    }

    /** {@code .poll}: the ready mask ({@code EPOLL*} bits). */
    default int poll(File file) {
        return DEFAULT_POLLMASK;
    }

    /** {@code .release}: the last reference to {@code file} is gone; the result is ignored, as in the kernel. */
    default int release(File file) {
        return 0;
    }
}
