/**
 * Scenario {@code drain-under-lock-hang}: removal drains the readers while holding the lock a reader
 * needs. The main class is {@link io.devmsan.samples.drain.locked.DrainUnderLockRemoval};
 * {@link io.devmsan.samples.drain.locked.DrainUnderLockStory} is its exploration.
 */
package io.devmsan.samples.drain.locked;
