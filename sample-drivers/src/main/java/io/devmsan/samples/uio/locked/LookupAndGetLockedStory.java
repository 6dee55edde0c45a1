package io.devmsan.samples.uio.locked;

import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Exploration;
import io.devmsan.samples.uio.UioPlatform;

/**
 * Scenario {@code lookup-then-get-fixed}: the same story as the buggy one, on the fixed open.
 * Every schedule either fails the open with {@code -ENODEV} or makes the unbind wait until the
 * file is closed.
 */
public final class LookupAndGetLockedStory {

    private LookupAndGetLockedStory() {
    }

    /** The exploration: the story, and unbind, cdev unregister and removal during open. */
    public static Exploration<UioPlatform> exploration() {
        return new Exploration<>(() -> UioPlatform.boot(LockedOpenFops.INSTANCE), LookupAndGetLockedStory::play,
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
