/**
 * Scenario {@code check-then-use-unlocked}: spidev's transfer checks the pointer under the lock and
 * uses it after unlocking. The main class is
 * {@link io.devmsan.samples.spidev.unlocked.UnlockedTransferFops};
 * {@link io.devmsan.samples.spidev.unlocked.CheckThenUseStory} is its exploration.
 */
package io.devmsan.samples.spidev.unlocked;
