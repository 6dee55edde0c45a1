package io.devmsan.bench.driver;

/**
 * A device on the bench bus ({@code struct device}). Deliberately not annotated: the device itself
 * outlives every bind, only what a driver attaches to it during probe belongs to the bind scope.
 */
public final class BenchDevice {

    private final String name;

    /** {@code dev_get_drvdata()}: set by the driver in probe, cleared in remove. */
    XyzDev drvdata;

    public BenchDevice(String name) {
        this.name = name;
    }

    public XyzDev drvdata() {
        return drvdata;
    }

    @Override
    public String toString() {
        return name;
    }
}
