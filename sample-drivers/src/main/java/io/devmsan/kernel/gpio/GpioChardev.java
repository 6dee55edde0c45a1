package io.devmsan.kernel.gpio;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * The GPIO character device's file operations ({@code gpiolib-cdev.c}). Every file pins its
 * {@link GpioDevice}; every line operation goes through the device's numbed accessors, so nothing
 * here ever reaches the chip after it was removed.
 */
final class GpioChardev implements FileOperations {

    static final GpioChardev INSTANCE = new GpioChardev();

    private GpioChardev() {
    }

    @Override
    public int open(File file) {
        GpioDevice gdev = file.cdev().container(GpioDevice.class);
        gdev.dev.get();
        file.setPrivateData(gdev);
        return 0;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        GpioDevice gdev = file.privateData(GpioDevice.class);
        switch (cmd) {
            case GpioUapi.GPIO_GET_CHIPINFO_IOCTL:
                return gdev.ngpio();
            case GpioUapi.GPIO_GET_LINE_VALUE_IOCTL:
                if (!validOffset(gdev, arg)) {
                    return -Errno.EINVAL;
                }
                return gdev.getValue((int) arg);
            case GpioUapi.GPIO_SET_LINE_VALUE_IOCTL:
                int offset = (int) (arg & 0xffff);
                if (!validOffset(gdev, offset) || (arg >>> 17) != 0) {
                    return -Errno.EINVAL;
                }
                return gdev.setValue(offset, (int) ((arg >>> 16) & 1));
            default:
                return -Errno.ENOTTY;
        }
    }

    @Override
    public int release(File file) {
        GpioDevice gdev = file.privateData(GpioDevice.class);
        file.setPrivateData(null);
        gdev.dev.put();
        return 0;
    }

    private static boolean validOffset(GpioDevice gdev, long offset) {
        return offset >= 0 && offset < gdev.ngpio();
    }
}
