/**
 * Seed 003 (Dan Williams, "cdev: Generic shutdown handling", January 2021), the cure he proposed:
 * {@code devm_cdev_device_add(host, cdev, dev)}, where {@code host} bounds the lifetime of the data
 * the file operations use. The xyz driver is unchanged but for that one call (and {@code remove()}
 * no longer deleting the cdev): every operation now runs inside an in-flight reference of the
 * character device, and the devres action the call registered on the host deletes the cdev,
 * refuses new operations ({@code -ENXIO}) and drains those in flight before the context it
 * registered earlier is freed. The same ioctl that reads freed memory in
 * {@link io.devmsan.samples.xyz} never runs after unbind here.
 *
 * <p>The main class is {@link io.devmsan.samples.xyz.hostbounded.HostBoundedStory}; the mechanism
 * is {@link io.devmsan.kernel.cdev.Cdev#devmAdd}.
 */
package io.devmsan.samples.xyz.hostbounded;
