/**
 * Seed 003 (Dan Williams on linux-kernel, "cdev: Generic shutdown handling", January 2021), the
 * in-flight half of it: cdev_del does not wait for operations already running. An ioctl loads the
 * devm context pointer and sleeps; unbind wakes it from {@code remove()} and the ioctl waits on the
 * device lock until the unbind has freed the context, then uses it. The operation was in flight
 * across the whole unbind. The main class is {@link io.devmsan.samples.inflight.WaitDriver};
 * {@link io.devmsan.samples.inflight.WaitStory} replays it with two threads.
 */
package io.devmsan.samples.inflight;
