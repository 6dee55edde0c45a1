package io.devmsan.samples.spidev.unlocked;

import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Exploration;
import io.devmsan.samples.spidev.SpidevPlatform;
import java.nio.charset.StandardCharsets;

/**
 * Scenario {@code check-then-use-unlocked}: open the spidev node, write one message, close. Played
 * alone nothing goes wrong; the explorer finds the schedule where the unbind runs between the check
 * under the lock and the use after it, and the fence analysis sees the use held no fence the unbind
 * waits for.
 */
public final class CheckThenUseStory {

    private static final byte[] MESSAGE = "spi hello".getBytes(StandardCharsets.US_ASCII);

    private CheckThenUseStory() {
    }

    /** The exploration: the story, and unbind, cdev unregister and removal during open. */
    public static Exploration<SpidevPlatform> exploration() {
        return new Exploration<>(() -> SpidevPlatform.boot(UnlockedTransferFops.INSTANCE), CheckThenUseStory::play,
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
