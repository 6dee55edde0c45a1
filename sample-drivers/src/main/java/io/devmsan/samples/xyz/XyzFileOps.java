package io.devmsan.samples.xyz;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/** The ioctl device's file operations: they reach the parent's context through the ioctl device. */
final class XyzFileOps implements FileOperations {

    static final XyzFileOps INSTANCE = new XyzFileOps();

    private XyzFileOps() {
    }

    @Override
    public int open(File file) {
        file.setPrivateData(file.cdev().container(XyzIoctlDev.class));
        return 0;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        XyzIoctlDev ioctlDev = file.privateData(XyzIoctlDev.class);
        // Nothing fences this against unbind: after remove() the context is devres memory that was freed.
        XyzContext ctx = ioctlDev.context; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        switch (cmd) {
            case XyzUapi.XYZ_IOC_INSTANCE:
                return ctx.instance;
            case XyzUapi.XYZ_IOC_COUNT:
                return ctx.requests.incrementAndGet();
            default:
                return -Errno.ENOTTY;
        }
    }

    @Override
    public int release(File file) {
        file.setPrivateData(null);
        return 0;
    }
}
