/**
 * Character devices and open files. Its main class is {@link io.devmsan.kernel.cdev.Cdev}.
 *
 * <p>The kernel's ordering is kept exactly: after {@code cdev_del} an open attempt fails, while a
 * file opened before keeps the file operations it captured at open time and keeps reaching the
 * driver until its last reference is closed. The file pins the character device, which pins its device
 * structure, but nothing pins the driver's devres memory: that is released at unbind.
 *
 * <p>User space opens files by path with {@link io.devmsan.kernel.cdev.Devtmpfs#open(String)} or
 * through a {@link io.devmsan.kernel.cdev.Cdev} it looked up earlier (an inode), and calls
 * {@link io.devmsan.kernel.cdev.File#read}, {@code write}, {@code ioctl}, {@code poll} and
 * {@code close}. A failed open throws {@link io.devmsan.kernel.ErrnoException}; every other call
 * returns a negative errno.
 *
 * <p>Two proposals from the mailing lists fence the file operations of a character device that opts
 * in: {@link io.devmsan.kernel.cdev.Cdev#devmAdd} ({@code devm_cdev_device_add}: operations bounded
 * by the host's bind, drained when its devres unwinds) and
 * {@link io.devmsan.kernel.cdev.Cdev#killable} with {@link io.devmsan.kernel.cdev.Cdev#kill()}
 * ({@code cdev_kill}: open files killed during unbind). A plain character device has no fence.
 */
package io.devmsan.kernel.cdev;
