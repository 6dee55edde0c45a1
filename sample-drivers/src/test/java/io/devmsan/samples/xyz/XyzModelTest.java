package io.devmsan.samples.xyz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.devres.Slab;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The xyz driver on the model alone: what the kernel would do, bug included, without the agent. */
class XyzModelTest {

    private final XyzPlatform platform = XyzPlatform.boot();

    @AfterEach
    void shutdown() {
        platform.shutdown();
    }

    @Test
    void whileBoundTheIoctlAnswersFromTheDriverContext() {
        File file = Devtmpfs.open(platform.nodePath());
        XyzContext ctx = platform.device().getDrvdata(XyzContext.class);

        assertEquals(ctx.instance, file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0));
        assertEquals(1, file.ioctl(XyzUapi.XYZ_IOC_COUNT, 0));
        assertEquals(2, file.ioctl(XyzUapi.XYZ_IOC_COUNT, 0));
        assertEquals(-Errno.ENOTTY, file.ioctl(0x1234, 0));
        file.close();
    }

    @Test
    void unbindRemovesTheNodeAndAHeldInodeNoLongerOpens() {
        String path = platform.nodePath();
        Cdev inode = Devtmpfs.lookup(path);

        assertEquals(0, platform.bus().unbind(platform.device()));

        assertEquals(-Errno.ENOENT, assertThrows(ErrnoException.class, () -> Devtmpfs.open(path)).errno());
        assertEquals(-Errno.ENXIO, assertThrows(ErrnoException.class, inode::open).errno());
    }

    @Test
    void afterUnbindAnOpenFileStillReachesTheDriverAndItsFreedContext() {
        File file = Devtmpfs.open(platform.nodePath());
        long instance = file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0);
        long freedBefore = Slab.freed();

        assertEquals(0, platform.bus().unbind(platform.device()));
        assertTrue(Slab.freed() > freedBefore, "devres freed the context");

        assertEquals(instance, file.ioctl(XyzUapi.XYZ_IOC_INSTANCE, 0),
                "nothing stops the ioctl: it answers from the freed context");
        file.close();
    }

    @Test
    void theIoctlDeviceOutlivesUnbindUntilTheLastClose() {
        XyzIoctlDev ioctlDev = platform.device().getDrvdata(XyzContext.class).ioctlDev;
        File file = Devtmpfs.open(platform.nodePath());
        assertEquals(2, ioctlDev.dev.refcount(), "probe's reference and the character device's");

        platform.bus().unbind(platform.device());
        assertEquals(1, ioctlDev.dev.refcount(), "pinned by the open file");

        file.close();
        assertEquals(0, ioctlDev.dev.refcount(), "released with the last close");
    }
}
