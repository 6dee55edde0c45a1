package io.devmsan.samples.drvdata.devm;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * The character device's operations: open and release count the users in the driver data, an
 * ioctl reports the count. Release runs at the last close, which may come long after unbind.
 */
final class DevmCdevFileOps implements FileOperations {

    static final DevmCdevFileOps INSTANCE = new DevmCdevFileOps();

    /** {@code _IO('D', 1)}: returns the number of open files. */
    static final int DEVMCDEV_IOC_USERS = 0x4401;

    private DevmCdevFileOps() {
    }

    @Override
    public int open(File file) {
        DevmDrvdata priv = file.cdev().container(DevmDrvdata.class);
        priv.users.incrementAndGet(); // devmsan: expect unbind-race, unfenced-access
        file.setPrivateData(priv);
        return 0;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        if (cmd != DEVMCDEV_IOC_USERS) {
            return -Errno.ENOTTY;
        }
        return file.privateData(DevmDrvdata.class).users.get(); // devmsan: expect unbind-race, unfenced-access
    }

    @Override
    public int release(File file) {
        DevmDrvdata priv = file.privateData(DevmDrvdata.class);
        file.setPrivateData(null);
        // After unbind the driver data is devres memory that was freed with the bind.
        priv.users.decrementAndGet(); // devmsan: expect use-after-unbind, unbind-race
        return 0;
    }
}
