package io.devmsan.explore;

/**
 * What the explorer injects on another thread while the story is stopped at a checkpoint. The
 * explorer does not know the driver model: the test supplies each action as an {@link Injection}.
 */
public enum Action {

    /** The sysfs {@code unbind} file: {@code remove()} runs, devres unwinds, the bind scope ends. */
    UNBIND,

    /**
     * {@code cdev_del} alone, the driver staying bound: no new opens, open files go on. It frees
     * nothing by itself; schedules show whether the driver relied on it doing more.
     */
    CDEV_UNREGISTER,

    /**
     * The device disappears (a hot-unplug, {@code device_del}) while the story is inside an
     * {@code open} file operation: injected only at checkpoints within an operation named
     * {@code open}.
     */
    DEVICE_REMOVAL_DURING_OPEN,

    /**
     * {@code rmmod}: the module's exit runs (unregistering its drivers, so that their devices
     * unbind) and its memory is freed: injected at every checkpoint, for drivers whose state lives
     * in their module.
     */
    MODULE_UNLOAD;

    /** The schedule-id spelling, such as {@code UNBIND}. */
    String id() {
        return name();
    }
}
