package io.devmsan.kernel.debugfs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Await;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** debugfs files: proxied handlers, removal that drains them, unprotected release. */
class DebugfsTest {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Device host = new Device("dbghost");
    private final String name = "debugfstest" + IDS.getAndIncrement();
    private final Recording fops = new Recording();

    @Test
    void handlersSeeTheDataAndRunUntilRemoval() {
        Object data = new Object();
        Dentry dentry = Debugfs.createFile(name, host, data, fops);
        assertTrue(Debugfs.list().contains(Debugfs.ROOT + name));
        File file = Debugfs.open(dentry.path());
        assertSame(data, file.privateData());

        assertEquals(3, file.read(new byte[3], 3));
        assertEquals(2, file.write(new byte[2], 2));
        assertEquals(FileOperations.DEFAULT_POLLMASK, file.poll());
        Debugfs.remove(dentry);

        assertTrue(dentry.isRemoved());
        assertFalse(Debugfs.list().contains(dentry.path()));
        assertEquals(-Errno.EIO, file.read(new byte[1], 1));
        assertEquals(-Errno.EIO, file.write(new byte[1], 1));
        assertEquals(-Errno.EIO, file.ioctl(0, 0));
        assertEquals(FileOperations.EPOLLHUP, file.poll());
        assertEquals(-Errno.ENOENT, assertThrows(ErrnoException.class, () -> Debugfs.open(dentry.path())).errno());
        assertEquals(List.of("open", "read", "write", "poll"), fops.log);

        file.close();
        assertEquals(List.of("open", "read", "write", "poll", "release"), fops.log, "release is not proxied");
    }

    @Test
    void removalWaitsForAHandlerInFlightAndRefusesNewOnes() throws Exception {
        Dentry dentry = Debugfs.createFile(name, host, null, fops);
        File file = Debugfs.open(dentry.path());
        AtomicLong result = new AtomicLong();
        Thread reader = Await.start("debugfs reader",
                () -> result.set(file.read(new byte[Recording.BLOCK], Recording.BLOCK)));
        assertTrue(fops.inRead.await(10, TimeUnit.SECONDS));

        Thread remover = Await.start("debugfs_remove", () -> Debugfs.remove(dentry));
        Await.blocked(remover);
        assertTrue(remover.isAlive(), "removal returned while a handler ran");
        assertEquals(-Errno.EIO, file.write(new byte[1], 1), "a new handler got in while draining");

        fops.finishRead.countDown();
        Await.joined(remover);
        Await.joined(reader);
        assertEquals(Recording.BLOCK, result.get());
        file.close();
    }

    @Test
    void aTakenPathIsRefusedAndARemovedOneCanBeReused() {
        Dentry first = Debugfs.createFile(name, host, null, fops);
        assertEquals(-Errno.EEXIST, assertThrows(ErrnoException.class,
                () -> Debugfs.createFile(name, host, null, fops)).errno());
        Debugfs.remove(first);
        Debugfs.remove(null);
        Dentry second = Debugfs.createFile(name, host, null, fops);
        Debugfs.open(second.path()).close();
        Debugfs.remove(second);
        assertThrows(IllegalArgumentException.class, () -> Debugfs.createFile(name, null, null, fops));
    }

    /** Logs every handler; a read of {@link #BLOCK} bytes blocks until released. */
    private static final class Recording implements FileOperations {
        static final int BLOCK = 7;
        final List<String> log = new CopyOnWriteArrayList<>();
        final CountDownLatch inRead = new CountDownLatch(1);
        final CountDownLatch finishRead = new CountDownLatch(1);

        @Override
        public int open(File file) {
            log.add("open");
            return 0;
        }

        @Override
        public long read(File file, byte[] buf, int count) {
            log.add("read");
            if (count == BLOCK) {
                inRead.countDown();
                try {
                    if (!finishRead.await(10, TimeUnit.SECONDS)) {
                        throw new AssertionError("read was never released");
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            return count;
        }

        @Override
        public long write(File file, byte[] buf, int count) {
            log.add("write");
            return count;
        }

        @Override
        public int poll(File file) {
            log.add("poll");
            return DEFAULT_POLLMASK;
        }

        @Override
        public int release(File file) {
            log.add("release");
            return 0;
        }
    }
}
