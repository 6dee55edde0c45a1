package io.devmsan.bench.hand;

/** {@link io.devmsan.bench.driver.XyzContext} with a hand-written check at each method entry. */
public final class HandContext {

    private final HandScope scope;
    private final int[] shadow = new int[8];
    private int sequence;
    private long lastArgument;
    private int mode;

    HandContext(HandScope scope) {
        this.scope = scope;
    }

    public int submit(int cmd, long arg) {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        sequence++;
        lastArgument = arg;
        shadow[cmd & 7] = (int) arg;
        return sequence + shadow[(cmd + 1) & 7];
    }

    public int status() {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        return mode | (sequence << 4);
    }

    public void reset(int newMode) {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        mode = newMode & 0xf;
        shadow[0] = 0;
        shadow[1] = 0;
    }

    public long lastArgument() {
        return lastArgument;
    }
}
