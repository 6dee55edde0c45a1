package io.devmsan.kernel;

/**
 * A failed system call seen from user space, for the few model calls that return an object on
 * success (opening a file). Kernel-side code never throws it: it returns negative errno values.
 */
public final class ErrnoException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int errno;

    /**
     * @param errno the negative errno value the call failed with, such as {@code -Errno.ENXIO}
     * @param what the call and its object, such as {@code "open /dev/xyz0"}
     */
    public ErrnoException(int errno, String what) {
        super(what + ": " + Errno.name(errno));
        if (errno >= 0) {
            throw new IllegalArgumentException("errno must be negative, got " + errno + " for " + what);
        }
        this.errno = errno;
    }

    /** The negative errno value, such as {@code -Errno.ENXIO}. */
    public int errno() {
        return errno;
    }
}
