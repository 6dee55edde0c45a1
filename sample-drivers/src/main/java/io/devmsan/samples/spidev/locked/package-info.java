/**
 * Scenario {@code check-then-use-unlocked-fixed}: spidev's transfer keeps {@code spi_lock} from the
 * check to the end of the use. The main class is
 * {@link io.devmsan.samples.spidev.locked.LockedTransferFops};
 * {@link io.devmsan.samples.spidev.locked.CheckAndUseLockedStory} is its exploration.
 */
package io.devmsan.samples.spidev.locked;
