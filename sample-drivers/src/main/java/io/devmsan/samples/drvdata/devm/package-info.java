/**
 * Seed 001 (Laurent Pinchart on ksummit-discuss, July 2021), the habit it asks drivers to drop:
 * private data allocated with {@code devm_kzalloc}, set as driver data, and exposed through a
 * character device. Devres frees it at unbind while files stay open, and the last close runs the
 * driver's release, which touches it: a use after unbind in {@code release}. The main class is
 * {@link io.devmsan.samples.drvdata.devm.DevmCdevDriver};
 * {@link io.devmsan.samples.drvdata.devm.DevmCdevStory} replays open, unbind, close.
 */
package io.devmsan.samples.drvdata.devm;
