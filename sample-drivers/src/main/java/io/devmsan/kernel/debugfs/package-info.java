/**
 * debugfs: files whose every operation goes through a proxy that holds an active-user reference of
 * the file. Its main class is {@link io.devmsan.kernel.debugfs.Debugfs}.
 *
 * <p>Removing a file ({@code debugfs_remove}) unlinks it, refuses new active users and waits until
 * the users inside have left; after it returns no handler of the file runs or will run, so the
 * driver may free what the handlers use. Proxied operations on a file opened before then return
 * {@code -EIO} ({@code EPOLLHUP} for poll). Release is not proxied, as in the kernel: it runs at
 * the last close, whenever that is, and must not use what removal let the driver free.
 *
 * <p>A debugfs file is backed by a bare {@link io.devmsan.kernel.cdev.Cdev} (its inode and open
 * path) whose file operations are the proxy's, so that open files are the model's
 * {@link io.devmsan.kernel.cdev.File}s and the sanitizer sees them like any character device's.
 */
package io.devmsan.kernel.debugfs;
