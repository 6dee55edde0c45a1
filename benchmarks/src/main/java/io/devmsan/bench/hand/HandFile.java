package io.devmsan.bench.hand;

/** {@link io.devmsan.bench.driver.BenchFile} without lifecycle hooks (there is no agent to call). */
public final class HandFile {

    private final HandDev priv;
    private int readyMask = 1;

    public HandFile(HandDev priv) {
        this.priv = priv;
    }

    public long ioctl(int cmd, long arg) {
        return priv.ioctl(cmd, arg);
    }

    public long read(int offset, int count) {
        return priv.read(offset, count);
    }

    public int poll() {
        return readyMask;
    }
}
