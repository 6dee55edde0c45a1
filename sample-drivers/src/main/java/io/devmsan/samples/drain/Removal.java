package io.devmsan.samples.drain;

/**
 * How {@code remove()} retires the debug file and quiesces the sensor: the two scenarios differ
 * only here, in the order of draining the readers and taking the driver's lock.
 */
@FunctionalInterface
public interface Removal {

    /** Makes sure no read runs or will run, and quiesces the sensor under its lock. */
    void retire(DebugFile file, SensorState state);
}
