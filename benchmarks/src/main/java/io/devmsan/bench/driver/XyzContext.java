package io.devmsan.bench.driver;

import io.devmsan.annotations.ScopeOwned;

/**
 * The driver's command context, allocated in probe ({@code devm_kzalloc()}), so owned by the bind
 * scope: under the agent every method entry and every field access on it is checked.
 */
@ScopeOwned
public final class XyzContext {

    private final int[] shadow = new int[8];
    private int sequence;
    private long lastArgument;
    private int mode;

    /** Queues a command: several field writes and reads on an owned object. */
    public int submit(int cmd, long arg) {
        sequence++;
        lastArgument = arg;
        shadow[cmd & 7] = (int) arg;
        return sequence + shadow[(cmd + 1) & 7];
    }

    /** The status word user space polls. */
    public int status() {
        return mode | (sequence << 4);
    }

    /** Back to mode {@code newMode}, shadow registers cleared. */
    public void reset(int newMode) {
        mode = newMode & 0xf;
        shadow[0] = 0;
        shadow[1] = 0;
    }

    public long lastArgument() {
        return lastArgument;
    }
}
