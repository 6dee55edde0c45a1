package io.devmsan.samples.drain.unlocked;

import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.drain.SensorPlatform;
import io.devmsan.samples.runner.Exploration;

/**
 * Scenario {@code drain-under-lock-fixed}: the same story as the hanging one, on the fixed removal.
 * Every schedule ends: a read that got in finishes and lets the drain end, a later one fails with
 * {@code -EIO}.
 */
public final class DrainFirstStory {

    private DrainFirstStory() {
    }

    /** The exploration: the story, and unbind, cdev unregister and removal during open. */
    public static Exploration<SensorPlatform> exploration() {
        return new Exploration<>(() -> SensorPlatform.boot(DrainFirstRemoval.INSTANCE), DrainFirstStory::play,
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
