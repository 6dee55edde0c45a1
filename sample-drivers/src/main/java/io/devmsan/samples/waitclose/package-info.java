/**
 * Seed 000 (Jason Gunthorpe on linux-kernel, March 2017): "For simpler cases you can just wait for
 * all cdevs to close with a simple rwsem, much like sysfs does already during device_del." The wcdev
 * driver holds the read side of a rw-semaphore from each open to its release; {@code remove()}
 * deletes the character device (no new opens), then takes the write side, which waits until every
 * open file is closed, and marks the node dead so that an open already past the lookup fails with
 * {@code -ENODEV}. File operations need no check at all: while a file is open, the driver cannot
 * finish unbinding. The price is that unbind blocks for as long as user space keeps a file open.
 *
 * <p>The semaphore and the flag live in the plainly allocated node that open files pin, not in the
 * devm context: a late open must find them after devres unwound. The model's rw-semaphore, like
 * lockdep, wants each read side released by the thread that took it (the kernel would use
 * {@code down_read_non_owner}); stories and stress tests close a file on the thread that opened it.
 *
 * <p>The main class is {@link io.devmsan.samples.waitclose.WcdevDriver};
 * {@link io.devmsan.samples.waitclose.WcdevStory} replays open, unbind (which waits), close.
 */
package io.devmsan.samples.waitclose;
