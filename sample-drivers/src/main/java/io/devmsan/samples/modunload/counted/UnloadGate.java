package io.devmsan.samples.modunload.counted;

import io.devmsan.annotations.Fence;
import io.devmsan.kernel.sync.Completion;
import java.util.concurrent.atomic.LongAdder;

/**
 * What seed 002 proposes to keep on the module itself rather than in its image: an unloading flag,
 * entrance and exit counters, and the condition the unloader sleeps on. None of it is module
 * memory, so it outlives the unmap; a caller that finds the flag set leaves without touching the
 * image.
 *
 * <p>Two details the sketch in the seed leaves open are settled here. A caller counts its entrance
 * before it checks the flag, and the unloader sets the flag before it adds up the counters (exits
 * first, then entrances): either the unloader sees the entrance and waits for its exit, or the
 * caller sees the flag and never reaches the module's mutex. And the wake-up comes from the exit,
 * on this object, because a caller that turns back at the flag must not touch a condition that
 * lives in the image.
 */
final class UnloadGate {

    private final LongAdder entrances = new LongAdder();
    private final LongAdder exits = new LongAdder();
    private final Completion exited = new Completion();
    private volatile boolean unloading;

    /**
     * Counts an entrance into the module.
     *
     * @return true when the caller may go on into the module (and must {@link #exit()} later);
     *     false when the module is unloading (the exit is already counted)
     */
    // A read side of the gate: the unload does not go ahead while an entrance has not exited.
    @Fence.Enter(held = Fence.Outcome.WHEN_TRUE)
    boolean enter() {
        entrances.increment();
        if (unloading) {
            exit();
            return false;
        }
        return true;
    }

    /** Counts an exit from the module, and wakes the unloader when it waits. */
    @Fence.Exit
    void exit() {
        exits.increment();
        if (unloading) {
            exited.complete();
        }
    }

    /** Sets the unloading flag: from now on no caller gets into the module. */
    void startUnload() {
        unloading = true;
    }

    /** True once {@link #startUnload()} ran. */
    boolean unloading() {
        return unloading;
    }

    /**
     * True when every entrance has exited; adds up the exits first, as the seed says. The unload
     * loops on it until it is true, which makes it the gate's synchronize side.
     */
    @Fence.Synchronize
    boolean drained() {
        long out = exits.sum();
        long in = entrances.sum();
        return in == out;
    }

    /** Sleeps until the next exit after the unload started (or returns at once if one is pending). */
    void awaitExit() {
        exited.waitForCompletion();
    }

    @Override
    public String toString() {
        return "unload gate (" + (unloading ? "unloading, " : "") + entrances.sum() + " in, " + exits.sum() + " out)";
    }
}
