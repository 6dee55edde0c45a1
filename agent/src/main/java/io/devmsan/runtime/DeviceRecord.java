package io.devmsan.runtime;

import java.util.List;

/**
 * What the runtime knows about one device of the model: its name, its current bind scope, its
 * unbind in progress and its timeline. Never refers to the device object itself.
 */
final class DeviceRecord {

    /** Refreshed at probe and unbind, when the device is at hand and naming it is cheap enough. */
    volatile String name;

    final Timeline timeline = new Timeline();

    /** The open bind scope, from probe until unbind or a failed probe releases it; null otherwise. */
    volatile Lifetime scope;

    /** True from unbind entry to unbind exit: frees in between count as part of the unbind. */
    volatile boolean unbinding;

    /** Where the running (or last) unbind was called, captured at its entry. */
    volatile List<String> unbindStack = List.of();

    /** The thread that ran the running (or last) unbind. */
    volatile String unbindThread = "unknown";

    /** Fences synchronized by the running (or last) unbind, for the fence analysis. */
    final WeakIdentityMap<Boolean> synchronizedFences = new WeakIdentityMap<>();

    private int generations;

    DeviceRecord(String name) {
        this.name = name;
    }

    /** The generation number for the next bind scope. */
    synchronized int nextGeneration() {
        return ++generations;
    }

    @Override
    public String toString() {
        return "device " + name;
    }
}
