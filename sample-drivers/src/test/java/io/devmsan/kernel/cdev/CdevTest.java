package io.devmsan.kernel.cdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.core.Device;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CdevTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Device host = new Device("host");
    private final AtomicInteger nodeReleases = new AtomicInteger();
    private final Device node = new Device("cdevtest" + IDS.getAndIncrement(), host,
            d -> nodeReleases.incrementAndGet());
    private final EchoFileOps fops = new EchoFileOps(null, 0);
    private final Cdev cdev = new Cdev(fops, node);

    @Test
    void addCreatesTheNodeAndDelRemovesIt() {
        assertEquals(0, cdev.add(host, node));
        String path = Devtmpfs.path(node.name());
        assertEquals(path, cdev.path());
        assertSame(cdev, Devtmpfs.lookup(path));
        assertTrue(Devtmpfs.list().contains(path));
        assertEquals(List.of(node), host.children());
        assertEquals(-Errno.EBUSY, cdev.add(host, node));

        cdev.del();

        ErrnoException gone = assertThrows(ErrnoException.class, () -> Devtmpfs.open(path));
        assertEquals(-Errno.ENOENT, gone.errno());
        assertEquals(List.of(), host.children());
        assertThrows(IllegalStateException.class, cdev::del);
    }

    @Test
    void delStopsNewOpensButAnOpenFileKeepsReachingTheDriver() {
        cdev.add(host, node);
        File file = Devtmpfs.open(cdev.path());
        Cdev inode = Devtmpfs.lookup(cdev.path());

        cdev.del();

        ErrnoException refused = assertThrows(ErrnoException.class, inode::open);
        assertEquals(-Errno.ENXIO, refused.errno());
        assertEquals(42, file.ioctl(0, 42), "the file kept its file operations");
        assertEquals(List.of("open", "ioctl 42"), fops.log);
        assertEquals(0, file.close());
        assertEquals(List.of("open", "ioctl 42", "release"), fops.log);
    }

    @Test
    void anOpenFilePinsTheDeviceStructureUntilTheLastClose() {
        cdev.add(host, node);
        File file = cdev.open();
        node.put(); // the driver drops its own reference at unbind
        cdev.del();
        assertEquals(0, nodeReleases.get(), "pinned by the open file");

        file.close();

        assertEquals(1, nodeReleases.get());
        assertEquals(0, cdev.refcount());
    }

    @Test
    void releaseRunsOnTheLastCloseOnlyAndLaterCallsGetEbadf() {
        cdev.add(host, node);
        File file = cdev.open();
        File dup = file.dup();
        assertEquals(0, file.close());
        assertFalse(fops.log.contains("release"));
        assertEquals(7, dup.ioctl(0, 7));

        assertEquals(0, dup.close());

        assertEquals(List.of("open", "ioctl 7", "release"), fops.log);
        assertEquals(-Errno.EBADF, file.ioctl(0, 1));
        assertEquals(-Errno.EBADF, file.read(new byte[1], 1));
        assertEquals(-Errno.EBADF, file.write(new byte[1], 1));
        assertEquals(-Errno.EBADF, file.poll());
        assertEquals(-Errno.EBADF, file.close());
        assertThrows(IllegalStateException.class, file::dup);
        cdev.del();
    }

    @Test
    void missingOperationsReturnTheKernelDefaults() {
        cdev.add(host, node);
        File file = cdev.open();
        assertEquals(-Errno.EINVAL, file.read(new byte[4], 4));
        assertEquals(-Errno.EINVAL, file.write(new byte[4], 4));
        assertEquals(FileOperations.DEFAULT_POLLMASK, file.poll());
        assertEquals(-Errno.EFAULT, file.read(new byte[4], 5), "count beyond the buffer faults");
        file.close();
        cdev.del();
    }

    @Test
    void aFailingDriverOpenThrowsItsErrnoAndTakesNoReference() {
        Cdev refusing = new Cdev(new EchoFileOps(null, -Errno.EBUSY), node);
        refusing.add(host, node);

        ErrnoException busy = assertThrows(ErrnoException.class, refusing::open);

        assertEquals(-Errno.EBUSY, busy.errno());
        assertEquals(1, refusing.refcount(), "only the registration's reference");
        refusing.del();
    }

    @Test
    void aCloseDuringAnIoctlDefersReleaseUntilTheIoctlReturns() throws Exception {
        cdev.add(host, node);
        File file = cdev.open();
        AtomicLong result = new AtomicLong();
        Thread caller = Await.start("ioctl caller", () -> result.set(file.ioctl(EchoFileOps.BLOCK, 5)));
        assertTrue(fops.inIoctl.await(10, TimeUnit.SECONDS));

        assertEquals(0, file.close());
        assertFalse(fops.log.contains("release"), "the ioctl still holds a reference");

        fops.finishIoctl.countDown();
        Await.joined(caller);
        assertEquals(5, result.get());
        assertEquals(List.of("open", "ioctl 5", "ioctl done", "release"), fops.log);
        cdev.del();
    }

    @Test
    void aCdevWithoutDeviceHasNoNodeButOpens() {
        Cdev bare = new Cdev(fops, null);
        assertEquals(0, bare.add(host, null));
        assertEquals(null, bare.path());
        File file = bare.open();
        assertEquals(3, file.ioctl(0, 3));
        file.close();
        bare.del();
        assertThrows(ErrnoException.class, bare::open);
    }
}
