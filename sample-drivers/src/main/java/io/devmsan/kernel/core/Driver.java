package io.devmsan.kernel.core;

/**
 * A device driver ({@code struct device_driver}), matched to devices by name.
 *
 * <p>{@link #probe(Device)} returns 0 or a negative errno; on failure the driver core releases
 * whatever the probe registered with devres. {@link #remove(Device)} cannot fail: the device is
 * going away whether the driver likes it or not.
 */
public interface Driver {

    /**
     * The driver's name; it matches a device of the same name or named {@code name + "." + id}
     * (like {@code platform_match}).
     */
    String name();

    /** Binds to {@code dev}: returns 0 on success, a negative errno on failure. */
    int probe(Device dev);

    /** Unbinds from {@code dev}; devres is released right after it returns. */
    void remove(Device dev);

    /** The module holding the driver's code ({@code THIS_MODULE}), or null when built in. */
    default Module owner() {
        return null;
    }
}
