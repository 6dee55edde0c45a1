package io.devmsan.samples.uio.split;

import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Exploration;
import io.devmsan.samples.uio.UioPlatform;

/**
 * Scenario {@code lookup-then-get}: open the UIO node, read, close. Played alone nothing goes
 * wrong; the explorer finds the schedules where the unbind (or the removal of the device during
 * open) runs between the lookup and the reference.
 */
public final class LookupThenGetStory {

    private LookupThenGetStory() {
    }

    /** The exploration: the story, and unbind, cdev unregister and removal during open. */
    public static Exploration<UioPlatform> exploration() {
        return new Exploration<>(() -> UioPlatform.boot(SplitOpenFops.INSTANCE), LookupThenGetStory::play,
                UioPlatform::shutdown, (m, subject) -> m.unbind(), (m, subject) -> m.unregisterCdev(),
                (m, subject) -> m.removeDevice());
    }

    /** Open, read, close. */
    public static long play(UioPlatform machine) {
        File file = machine.open();
        try {
            return file.read(new byte[8], 8);
        } finally {
            file.close();
        }
    }
}
