package io.devmsan.samples.uio;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;

/**
 * What the two open variants share: read and release of a file that holds a reference on its
 * {@link UioDevice} from open to release, so that {@code remove()} waits for it.
 */
public final class UioReads {

    private UioReads() {
    }

    /** {@code uio_read} of the device's memory: the bytes copied. */
    public static long read(File file, byte[] buf, int count) {
        UioDevice idev = file.privateData(UioDevice.class);
        if (idev == null) {
            return -Errno.EIO;
        }
        int[] mem = idev.mem;
        int n = Math.min(count, mem.length);
        for (int i = 0; i < n; i++) {
            buf[i] = (byte) mem[i];
        }
        return n;
    }

    /** {@code uio_release}: drops the reference open took. */
    public static int release(File file) {
        UioDevice idev = file.privateData(UioDevice.class);
        file.setPrivateData(null);
        if (idev != null) {
            idev.users.put();
        }
        return 0;
    }
}
