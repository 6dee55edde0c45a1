package io.devmsan.samples.drain;

import io.devmsan.annotations.ScopeOwned;
import io.devmsan.kernel.sync.Mutex;

/**
 * The sensor driver's state, allocated in probe with {@code devm_kzalloc}: the samples a debug file
 * shows, the sampling rate, and {@link #cfgLock}, the driver's own lock over both, which its debug
 * file's read takes and {@code remove()} takes to quiesce the sensor.
 */
@ScopeOwned
public final class SensorState {

    /** The driver's configuration lock. */
    public final Mutex cfgLock = new Mutex("sensor cfg_lock");

    /** The last samples taken. */
    public final int[] samples = {17, 42, 7, 3};

    /** The sampling rate; 0 once quiesced. */
    public int rateHz = 100;

    /** Allocated in probe (through {@code Devm.kzalloc}). */
    public SensorState() {
    }
}
