/**
 * Seed 003 (Dan Williams on linux-kernel, "cdev: Generic shutdown handling", January 2021): a parent
 * driver allocates its context with {@code devm_kzalloc}, allocates a separate, refcounted ioctl
 * device with a plain {@code kmalloc}, stores the context pointer in it and adds a character device
 * whose ioctl reaches the context through that pointer. {@code cdev_del} in {@code remove()} makes
 * later opens fail but leaves open files alone, so a file opened before unbind keeps calling the
 * ioctl, which reads the pointer to the context devres freed at unbind: a use after unbind. The main class is
 * {@link io.devmsan.samples.xyz.XyzDriver}; {@link io.devmsan.samples.xyz.XyzStory} replays it.
 *
 * <p>The proposed cure names the device whose bind bounds the data used by the file operations
 * (the host) so that the character device can fence them. The driver as posted
 * ({@link io.devmsan.samples.xyz.XyzDriver.CdevRegistration#CDEV_DEVICE_ADD}, scenario
 * {@code xyz-devm-ioctl}) has the bug; with
 * {@link io.devmsan.samples.xyz.XyzDriver.CdevRegistration#DEVM_CDEV_DEVICE_ADD} it has the cure
 * (scenario {@code xyz-host-bounded-cdev}, replayed from {@link io.devmsan.samples.xyz.hostbounded}).
 */
package io.devmsan.samples.xyz;
