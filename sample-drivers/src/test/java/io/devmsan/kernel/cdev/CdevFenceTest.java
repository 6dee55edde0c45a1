package io.devmsan.kernel.cdev;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.devres.Devm;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two proposed fences around a character device's file operations: host-bounded and killable. */
class CdevFenceTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Device host = new Device("fencehost" + IDS.getAndIncrement());
    private final Device node = new Device("fencetest" + IDS.getAndIncrement(), host, null);
    private final EchoFileOps fops = new EchoFileOps(null, 0);

    @Test
    void hostBoundedOperationsAreRefusedWithEnxioOnceTheHostsDevresUnwound() {
        Cdev cdev = new Cdev(fops, node);
        assertEquals(0, cdev.devmAdd(host, node));
        File file = Devtmpfs.open(cdev.path());
        assertEquals(4, file.ioctl(0, 4));

        host.devres().releaseAll();

        assertFalse(cdev.isAdded(), "the devres action deleted the cdev");
        assertEquals(-Errno.ENXIO, file.ioctl(0, 5));
        assertEquals(-Errno.ENXIO, file.read(new byte[1], 1));
        assertEquals(-Errno.ENXIO, file.write(new byte[1], 1));
        assertEquals(FileOperations.EPOLLERR | FileOperations.EPOLLHUP, file.poll());
        assertEquals(List.of("open", "ioctl 4"), fops.log, "no refused operation reached the driver");
        assertEquals(0, file.close());
        assertEquals(List.of("open", "ioctl 4", "release"), fops.log, "release is not fenced");
    }

    @Test
    void theHostsDevresUnwindWaitsForAnOperationInFlightBeforeFreeingWhatProbeAllocatedEarlier()
            throws Exception {
        Devm.addAction(host, () -> fops.log.add("context freed"));
        Cdev cdev = new Cdev(fops, node);
        assertEquals(0, cdev.devmAdd(host, node));
        File file = cdev.open();
        AtomicLong result = new AtomicLong();
        Thread caller = Await.start("ioctl caller", () -> result.set(file.ioctl(EchoFileOps.BLOCK, 6)));
        assertTrue(fops.inIoctl.await(10, TimeUnit.SECONDS));

        Thread unwinder = Await.start("devres unwind", () -> host.devres().releaseAll());
        Await.blocked(unwinder);
        assertFalse(fops.log.contains("context freed"), "devres went past the cdev while an ioctl ran");
        assertEquals(-Errno.ENXIO, file.ioctl(0, 7), "a new operation got in while draining");

        fops.finishIoctl.countDown();
        Await.joined(unwinder);
        Await.joined(caller);
        assertEquals(6, result.get());
        assertEquals(List.of("open", "ioctl 6", "ioctl done", "context freed"), fops.log);
        file.close();
    }

    @Test
    void anOpenRacingTheUnwindIsRefusedWithEnxio() {
        Cdev cdev = new Cdev(fops, node);
        cdev.devmAdd(host, node);
        Cdev inode = Devtmpfs.lookup(cdev.path());

        host.devres().releaseAll();

        assertEquals(-Errno.ENXIO, assertThrows(ErrnoException.class, inode::open).errno());
        assertEquals(List.of(), fops.log);
    }

    @Test
    void devmAddNeedsAHostAndAPlainCdev() {
        assertThrows(IllegalArgumentException.class, () -> new Cdev(fops, node).devmAdd(null, node));
        assertThrows(IllegalStateException.class, () -> Cdev.killable(fops, node).devmAdd(host, node));
        Cdev cdev = new Cdev(fops, node);
        cdev.add(host, node);
        assertEquals(-Errno.EBUSY, cdev.devmAdd(host, node));
        cdev.del();
        assertEquals(0, host.devres().size(), "a refused devm add registered nothing");
    }

    @Test
    void killReleasesEveryOpenFileNowAndLaterOperationsFailWithEio() {
        Cdev cdev = Cdev.killable(fops, node);
        cdev.add(host, node);
        File first = cdev.open();
        File second = cdev.open();
        cdev.del();

        assertEquals(2, cdev.kill());

        assertEquals(List.of("open", "open", "release", "release"), fops.log);
        assertEquals(-Errno.EIO, first.ioctl(0, 1));
        assertEquals(-Errno.EIO, second.read(new byte[1], 1));
        assertEquals(-Errno.EIO, second.write(new byte[1], 1));
        assertEquals(FileOperations.EPOLLERR | FileOperations.EPOLLHUP, first.poll());
        assertEquals(0, first.close());
        assertEquals(0, second.close());
        assertEquals(List.of("open", "open", "release", "release"), fops.log,
                "close of a killed file reaches no driver");
        assertEquals(0, cdev.kill(), "a second kill finds nothing");
        assertEquals(0, cdev.refcount(), "the killed files let go of the cdev when closed");
    }

    @Test
    void aFileClosedBeforeTheKillIsReleasedOnceAndNotKilled() {
        Cdev cdev = Cdev.killable(fops, node);
        cdev.add(host, node);
        cdev.open().close();
        File open = cdev.open();

        assertEquals(1, cdev.kill());

        assertEquals(List.of("open", "release", "open", "release"), fops.log);
        open.close();
        cdev.del();
    }

    @Test
    void killWaitsForAnOperationInFlight() throws Exception {
        Cdev cdev = Cdev.killable(fops, node);
        cdev.add(host, node);
        File file = cdev.open();
        AtomicLong result = new AtomicLong();
        Thread caller = Await.start("ioctl caller", () -> result.set(file.ioctl(EchoFileOps.BLOCK, 8)));
        assertTrue(fops.inIoctl.await(10, TimeUnit.SECONDS));

        Thread killer = Await.start("cdev_kill", cdev::kill);
        Await.blocked(killer);
        assertFalse(fops.log.contains("release"), "the kill released a file while its ioctl ran");

        fops.finishIoctl.countDown();
        Await.joined(killer);
        Await.joined(caller);
        assertEquals(8, result.get());
        assertEquals(List.of("open", "ioctl 8", "ioctl done", "release"), fops.log);
        file.close();
        cdev.del();
    }

    @Test
    void anOpenAfterTheKillFailsWithEio() {
        Cdev cdev = Cdev.killable(fops, node);
        cdev.add(host, node);
        cdev.kill();

        assertEquals(-Errno.EIO, assertThrows(ErrnoException.class, cdev::open).errno());
        assertEquals(List.of(), fops.log);
        assertEquals(1, cdev.refcount(), "only the registration's reference");
        cdev.del();
    }

    @Test
    void onlyAKillableCdevCanBeKilled() {
        Cdev cdev = new Cdev(fops, node);
        assertThrows(IllegalStateException.class, cdev::kill);
    }
}
