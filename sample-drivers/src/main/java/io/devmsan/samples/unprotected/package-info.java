/**
 * Seed 000 (Jason Gunthorpe on linux-kernel, March 2017): "a couple of drivers [...] don't seem to
 * have any protection at all and [...] would continue to use io operations even after they may get
 * unmapped because the char device persists." The rawio driver maps its registers with
 * {@code devm_ioremap}, keeps everything in {@code devm_kzalloc} memory with the character device
 * embedded, and its read and write go straight to the registers. {@code cdev_del} in
 * {@code remove()} stops new opens only; a file opened before unbind keeps calling read and write,
 * which follow the driver's pointer to a window devres unmapped: a use after unbind at each of them.
 *
 * <p>The main class is {@link io.devmsan.samples.unprotected.RawioDriver};
 * {@link io.devmsan.samples.unprotected.RawioStory} replays open, unbind, read, write.
 */
package io.devmsan.samples.unprotected;
