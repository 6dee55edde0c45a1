package io.devmsan.samples.xyz;

/** The xyz driver's user-space ABI: its ioctl commands (an {@code include/uapi} header). */
public final class XyzUapi {

    /** {@code _IO('X', 1)}: returns the instance number of the device behind the file. */
    public static final int XYZ_IOC_INSTANCE = 0x5801;

    /** {@code _IO('X', 2)}: counts one more request and returns the count so far. */
    public static final int XYZ_IOC_COUNT = 0x5802;

    private XyzUapi() {
    }
}
