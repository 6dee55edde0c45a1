package io.devmsan.bench.driver;

import io.devmsan.annotations.Lifecycle;

/**
 * An open file of {@link BenchCdev}. Its methods are file operations: under the agent each gets
 * the operation enter and exit hooks woven around it (see LifecycleAdvice), so the difference
 * between {@link #ioctl} and {@link XyzDev#ioctl} called directly is the hooks' cost, and
 * {@link #poll}, which touches nothing owned, is the hooks alone.
 */
public final class BenchFile {

    /** {@code file->private_data}: a plain field, the file is not owned by the bind scope. */
    private final XyzDev priv;

    private int readyMask = 1;

    BenchFile(XyzDev priv) {
        this.priv = priv;
    }

    @Lifecycle.FileOperation("ioctl")
    public long ioctl(int cmd, long arg) {
        return priv.ioctl(cmd, arg);
    }

    @Lifecycle.FileOperation("read")
    public long read(int offset, int count) {
        return priv.read(offset, count);
    }

    @Lifecycle.FileOperation("poll")
    public int poll() {
        return readyMask;
    }
}
