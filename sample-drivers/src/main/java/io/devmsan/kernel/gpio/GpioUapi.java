package io.devmsan.kernel.gpio;

/**
 * The GPIO character device's user-space ABI as the model has it. The kernel's v2 ABI requests
 * lines into a separate file first; the model folds that into the chip's own file, which keeps
 * the lifetime story (a file that outlives the chip) and drops the plumbing.
 */
public final class GpioUapi {

    /** {@code GPIO_GET_CHIPINFO_IOCTL}: returns the number of lines. */
    public static final int GPIO_GET_CHIPINFO_IOCTL = 0xB401;

    /** Returns the value (0 or 1) of the line whose offset is the argument. */
    public static final int GPIO_GET_LINE_VALUE_IOCTL = 0xB408;

    /** Drives a line: the argument is {@link #setArg(int, int)}; returns 0. */
    public static final int GPIO_SET_LINE_VALUE_IOCTL = 0xB409;

    private GpioUapi() {
    }

    /** The argument of {@link #GPIO_SET_LINE_VALUE_IOCTL}: the offset, and the value in bit 16. */
    public static long setArg(int offset, int value) {
        return (offset & 0xffffL) | ((value & 1L) << 16);
    }
}
