/**
 * Seed 001 (Laurent Pinchart on ksummit-discuss, July 2021, on drivers that expose character
 * devices): the driver's private data is allocated with a plain {@code kzalloc}, not devm, and
 * refcounted; the release callback of the device structure that the character device pins frees
 * it after the last open file is closed. What is devm (the registers) is fenced by the driver's
 * lock and cleared in {@code remove()}. The main class is
 * {@link io.devmsan.samples.drvdata.refcounted.RefcountedDriver};
 * {@link io.devmsan.samples.drvdata.refcounted.RefcountedStory} replays open, unbind, read, close.
 */
package io.devmsan.samples.drvdata.refcounted;
