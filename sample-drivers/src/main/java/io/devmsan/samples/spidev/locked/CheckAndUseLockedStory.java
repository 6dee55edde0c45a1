package io.devmsan.samples.spidev.locked;

import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Exploration;
import io.devmsan.samples.spidev.SpidevPlatform;
import java.nio.charset.StandardCharsets;

/**
 * Scenario {@code check-then-use-unlocked-fixed}: the same story as the buggy one, on the fixed
 * transfer. Every schedule either fails the write with {@code -ESHUTDOWN} or makes the unbind wait
 * for the transfer; every access to the transfer state holds {@code spi_lock}, which the unbind
 * synchronizes with.
 */
public final class CheckAndUseLockedStory {

    private static final byte[] MESSAGE = "spi hello".getBytes(StandardCharsets.US_ASCII);

    private CheckAndUseLockedStory() {
    }

    /** The exploration: the story, and unbind, cdev unregister and removal during open. */
    public static Exploration<SpidevPlatform> exploration() {
        return new Exploration<>(() -> SpidevPlatform.boot(LockedTransferFops.INSTANCE), CheckAndUseLockedStory::play,
                SpidevPlatform::shutdown, (m, subject) -> m.unbind(), (m, subject) -> m.unregisterCdev(),
                (m, subject) -> m.removeDevice());
    }

    /** Open, write one message, close. */
    public static long play(SpidevPlatform machine) {
        File file = machine.open();
        try {
            return file.write(MESSAGE, MESSAGE.length);
        } finally {
            file.close();
        }
    }
}
