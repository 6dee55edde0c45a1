/**
 * A Java model of the Linux driver core, faithful enough to write drivers in kernel style and to
 * reproduce their lifetime bugs. Its main class is {@link io.devmsan.kernel.Errno}: like the kernel,
 * the model returns negative errno values instead of throwing.
 *
 * <p>Sub-packages: {@code core} (bus, device, driver, module), {@code devres} (managed resources),
 * {@code cdev} (character devices and open files), {@code debugfs} (debugfs files and their
 * draining proxy), {@code irq} (interrupt lines) and {@code sync}
 * (kref, mutex, rw-semaphore, completion, SRCU, active references, spinlock).
 */
package io.devmsan.kernel;
