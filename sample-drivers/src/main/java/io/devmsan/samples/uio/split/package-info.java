/**
 * Scenario {@code lookup-then-get}: UIO's open finds the device under the table's lock and takes
 * its reference after unlocking. The main class is {@link io.devmsan.samples.uio.split.SplitOpenFops};
 * {@link io.devmsan.samples.uio.split.LookupThenGetStory} is its exploration.
 */
package io.devmsan.samples.uio.split;
