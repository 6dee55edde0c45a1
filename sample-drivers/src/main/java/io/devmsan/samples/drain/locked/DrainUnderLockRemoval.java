package io.devmsan.samples.drain.locked;

import io.devmsan.samples.drain.DebugFile;
import io.devmsan.samples.drain.Removal;
import io.devmsan.samples.drain.SensorState;

/**
 * {@code remove()} as in the bug: it quiesces the sensor under the driver's lock and, still holding
 * it, waits for the debug file's readers to drain. A reader that got in before the kill and now
 * waits for that lock never leaves: the drain never ends, nor does the unbind.
 */
final class DrainUnderLockRemoval implements Removal {

    static final DrainUnderLockRemoval INSTANCE = new DrainUnderLockRemoval();

    private DrainUnderLockRemoval() {
    }

    @Override
    public void retire(DebugFile file, SensorState state) {
        state.cfgLock.lock();
        try {
            state.rateHz = 0;
            file.active.killAndDrain();
        } finally {
            state.cfgLock.unlock();
        }
    }
}
