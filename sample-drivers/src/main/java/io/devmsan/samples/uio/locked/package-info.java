/**
 * Scenario {@code lookup-then-get-fixed}: UIO's open finds the device and takes its reference in
 * one critical section. The main class is {@link io.devmsan.samples.uio.locked.LockedOpenFops};
 * {@link io.devmsan.samples.uio.locked.LookupAndGetLockedStory} is its exploration.
 */
package io.devmsan.samples.uio.locked;
