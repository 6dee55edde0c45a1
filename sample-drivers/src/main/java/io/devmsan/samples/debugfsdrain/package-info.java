/**
 * Seed 003 (Dan Williams, "cdev: Generic shutdown handling", January 2021): "Internally I would
 * refactor the debugfs mechanism for flushing in-flight file_operations so that is shared by the cdev
 * implementation." That mechanism, as debugfs has it: every file operation goes through a proxy that
 * takes an active-user reference of the file ({@code debugfs_file_get}, which fails once the file is
 * removed); {@code debugfs_remove} drops the initial reference and waits until the active users
 * have drained. The dbg driver exposes its devm context in a debugfs file and removes the file in
 * {@code remove()}: after that no handler runs or will run, and devres may free the context. Release
 * is not proxied in the kernel either, so the driver's release does not touch the context.
 *
 * <p>The main class is {@link io.devmsan.samples.debugfsdrain.DbgDriver}; the mechanism is
 * {@link io.devmsan.kernel.debugfs.Debugfs}; {@link io.devmsan.samples.debugfsdrain.DbgStory}
 * replays open, unbind, read.
 */
package io.devmsan.samples.debugfsdrain;
