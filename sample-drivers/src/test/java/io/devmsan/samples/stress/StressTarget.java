package io.devmsan.samples.stress;

import io.devmsan.kernel.cdev.File;

/** What the {@link StressHarness} hammers: one scenario's device, its node and its file operations. */
public interface StressTarget {

    /** Opens the device's node; throws (an ErrnoException, say) while it cannot be opened. */
    File open();

    /** One file operation on an open file, chosen by {@code n}; returns the kernel-style result. */
    long operate(File file, int n);

    /** Unbinds the device, like a write to sysfs {@code unbind}; returns 0 or a negative errno. */
    int unbind();

    /** Binds the device again; returns 0 or a negative errno. */
    int rebind();

    /** Whether {@code result} is one the driver documents: a success or its error once the device is gone. */
    boolean accepted(long result);

    /**
     * Whether {@code result} says the device is gone (the documented error). Operations that keep
     * succeeding as no-ops once the device is gone ({@code gpio-numbed}) return false here, and
     * {@link #signalsGone()} is false.
     */
    boolean gone(long result);

    /** Whether operations on a file whose device went away return a distinguishable result. */
    default boolean signalsGone() {
        return true;
    }

    /** Tears down what the target built. */
    void shutdown();
}
