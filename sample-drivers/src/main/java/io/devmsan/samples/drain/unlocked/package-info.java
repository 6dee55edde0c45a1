/**
 * Scenario {@code drain-under-lock-fixed}: removal drains the readers before taking the lock they
 * need. The main class is {@link io.devmsan.samples.drain.unlocked.DrainFirstRemoval};
 * {@link io.devmsan.samples.drain.unlocked.DrainFirstStory} is its exploration.
 */
package io.devmsan.samples.drain.unlocked;
