package io.devmsan.samples.drain.unlocked;

import io.devmsan.samples.drain.DebugFile;
import io.devmsan.samples.drain.Removal;
import io.devmsan.samples.drain.SensorState;

/**
 * {@code remove()} as fixed: it drains the debug file's readers first, holding nothing a reader
 * needs, and only then takes the driver's lock to quiesce the sensor.
 */
final class DrainFirstRemoval implements Removal {

    static final DrainFirstRemoval INSTANCE = new DrainFirstRemoval();

    private DrainFirstRemoval() {
    }

    @Override
    public void retire(DebugFile file, SensorState state) {
        file.active.killAndDrain();
        state.cfgLock.lock();
        try {
            state.rateHz = 0;
        } finally {
            state.cfgLock.unlock();
        }
    }
}
