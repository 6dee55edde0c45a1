package io.devmsan.samples.modunload.counted;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * The counted module's file operations. Each one is an entrance into the module: it is counted
 * before anything of the image is touched, and it turns back (open {@code -ENXIO}, the others
 * {@code -ENODEV}, release quietly) once the module is unloading.
 */
final class CountedFileOps implements FileOperations {

    /** {@code _IO('C', 1)}: serves one request and returns the count so far. */
    static final int COUNTED_IOC_REQUEST = 0x4301;

    private final UnloadGate gate;

    CountedFileOps(UnloadGate gate) {
        this.gate = gate;
    }

    @Override
    public int open(File file) {
        if (!gate.enter()) {
            return -Errno.ENXIO;
        }
        CountedStatics statics = file.cdev().container(CountedStatics.class);
        statics.lock.lock();
        try {
            if (gate.unloading()) {
                return -Errno.ENXIO;
            }
            file.setPrivateData(statics);
            return 0;
        } finally {
            gate.exit();
            statics.lock.unlock();
        }
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        if (cmd != COUNTED_IOC_REQUEST) {
            return -Errno.ENOTTY;
        }
        if (!gate.enter()) {
            return -Errno.ENODEV;
        }
        CountedStatics statics = file.privateData(CountedStatics.class);
        statics.lock.lock();
        try {
            if (gate.unloading()) {
                return -Errno.ENODEV;
            }
            return ++statics.requests;
        } finally {
            gate.exit();
            statics.lock.unlock();
        }
    }

    @Override
    public int release(File file) {
        // Nothing of the module is needed to let a file go; the private data is only forgotten.
        file.setPrivateData(null);
        return 0;
    }
}
