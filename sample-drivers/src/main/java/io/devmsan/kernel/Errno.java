package io.devmsan.kernel;

/**
 * The errno values the model uses, with the kernel's numbers. Like kernel code, model methods
 * return {@code -Errno.ENODEV} and friends, and {@code 0} or a count on success.
 */
public final class Errno {

    /** Operation not permitted. */
    public static final int EPERM = 1;
    /** No such file or directory (a device node that is gone). */
    public static final int ENOENT = 2;
    /** Interrupted system call. */
    public static final int EINTR = 4;
    /** I/O error. */
    public static final int EIO = 5;
    /** No such device or address (open of a character device that was deleted). */
    public static final int ENXIO = 6;
    /** Argument list too long. */
    public static final int E2BIG = 7;
    /** Bad file descriptor (an operation on a closed file). */
    public static final int EBADF = 9;
    /** Try again. */
    public static final int EAGAIN = 11;
    /** Operation would block; the same number as {@link #EAGAIN}. */
    public static final int EWOULDBLOCK = EAGAIN;
    /** Out of memory. */
    public static final int ENOMEM = 12;
    /** Bad address. */
    public static final int EFAULT = 14;
    /** Device or resource busy. */
    public static final int EBUSY = 16;
    /** File exists (a duplicate device name). */
    public static final int EEXIST = 17;
    /** No such device. */
    public static final int ENODEV = 19;
    /** Invalid argument. */
    public static final int EINVAL = 22;
    /** Inappropriate ioctl for device. */
    public static final int ENOTTY = 25;
    /** Broken pipe (what TPM file operations return once the chip is unregistered). */
    public static final int EPIPE = 32;
    /** Cannot send after transport endpoint shutdown. */
    public static final int ESHUTDOWN = 108;
    /** Connection timed out. */
    public static final int ETIMEDOUT = 110;
    /** Interrupted wait, to be restarted (kernel-internal). */
    public static final int ERESTARTSYS = 512;
    /** Driver requests probe retry (kernel-internal). */
    public static final int EPROBE_DEFER = 517;

    private Errno() {
    }

    /**
     * The symbolic name of an errno value, either sign: {@code name(-19)} is {@code "-ENODEV"},
     * {@code name(19)} is {@code "ENODEV"}; unknown values print as numbers.
     */
    public static String name(long value) {
        String sign = value < 0 ? "-" : "";
        String symbol = symbol(Math.abs(value));
        return symbol == null ? Long.toString(value) : sign + symbol;
    }

    private static String symbol(long errno) {
        switch ((int) errno) {
            case EPERM: return "EPERM";
            case ENOENT: return "ENOENT";
            case EINTR: return "EINTR";
            case EIO: return "EIO";
            case ENXIO: return "ENXIO";
            case E2BIG: return "E2BIG";
            case EBADF: return "EBADF";
            case EAGAIN: return "EAGAIN";
            case ENOMEM: return "ENOMEM";
            case EFAULT: return "EFAULT";
            case EBUSY: return "EBUSY";
            case EEXIST: return "EEXIST";
            case ENODEV: return "ENODEV";
            case EINVAL: return "EINVAL";
            case ENOTTY: return "ENOTTY";
            case EPIPE: return "EPIPE";
            case ESHUTDOWN: return "ESHUTDOWN";
            case ETIMEDOUT: return "ETIMEDOUT";
            case ERESTARTSYS: return "ERESTARTSYS";
            case EPROBE_DEFER: return "EPROBE_DEFER";
            default: return null;
        }
    }
}
