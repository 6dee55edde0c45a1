package com.example.sensor;

import io.devmsan.annotations.Lifecycle;

/**
 * The smallest driver core devmsan can follow: binding a driver to a device (probe) and
 * unbinding it (remove, then the devres unwind). A real model marks its own methods the same way.
 */
public final class MiniBus {

    private MiniBus() {
    }

    /** Runs the driver's probe for {@code device}; state it allocates belongs to the bind. */
    @Lifecycle.Probe(device = 0)
    public static void bind(Object device, Runnable probe) {
        probe.run();
    }

    /** Runs the driver's remove for {@code device}; afterwards the bind's state is gone. */
    @Lifecycle.Unbind(device = 0)
    public static void unbind(Object device, Runnable remove) {
        remove.run();
    }
}
