package io.devmsan.samples.drain.locked;

import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.drain.SensorPlatform;
import io.devmsan.samples.runner.Exploration;

/**
 * Scenario {@code drain-under-lock-hang}: open the debug file, read it, close. Played alone nothing
 * goes wrong; the explorer finds the schedules where the unbind holds the driver's lock and drains
 * while the read, already counted in, waits for that lock: neither can progress.
 */
public final class DrainUnderLockStory {

    private DrainUnderLockStory() {
    }

    /** The exploration: the story, and unbind, cdev unregister and removal during open. */
    public static Exploration<SensorPlatform> exploration() {
        return new Exploration<>(() -> SensorPlatform.boot(DrainUnderLockRemoval.INSTANCE), DrainUnderLockStory::play,
                SensorPlatform::shutdown, (m, subject) -> m.unbind(), (m, subject) -> m.unregisterCdev(),
                (m, subject) -> m.removeDevice());
    }

    /** Open, read, close. */
    public static long play(SensorPlatform machine) {
        File file = machine.open();
        try {
            return file.read(new byte[4], 4);
        } finally {
            file.close();
        }
    }
}
