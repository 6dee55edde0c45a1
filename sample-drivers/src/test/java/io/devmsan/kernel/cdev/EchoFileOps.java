package io.devmsan.kernel.cdev;

import io.devmsan.kernel.core.Module;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** Test file operations: ioctl returns its argument, logs every call, can block in ioctl. */
final class EchoFileOps implements FileOperations {

    static final int BLOCK = 1;

    final List<String> log = new CopyOnWriteArrayList<>();
    final CountDownLatch inIoctl = new CountDownLatch(1);
    final CountDownLatch finishIoctl = new CountDownLatch(1);
    private final Module owner;
    private final int openResult;

    EchoFileOps(Module owner, int openResult) {
        this.owner = owner;
        this.openResult = openResult;
    }

    @Override
    public Module owner() {
        return owner;
    }

    @Override
    public int open(File file) {
        log.add("open");
        return openResult;
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        log.add("ioctl " + arg);
        if (cmd == BLOCK) {
            inIoctl.countDown();
            try {
                if (!finishIoctl.await(10, TimeUnit.SECONDS)) {
                    throw new AssertionError("ioctl was never released");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            log.add("ioctl done");
        }
        return arg;
    }

    @Override
    public int release(File file) {
        log.add("release");
        return 0;
    }
}
