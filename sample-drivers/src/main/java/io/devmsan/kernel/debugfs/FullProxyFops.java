package io.devmsan.kernel.debugfs;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Module;

/**
 * {@code debugfs_full_proxy_file_operations}: every operation becomes an active user of the file
 * for its duration and calls the driver's real operation; on a removed file it returns without
 * reaching the driver ({@code -EIO}, {@code EPOLLHUP} for poll, {@code -ENOENT} for open). Release
 * is passed through unprotected, as in the kernel.
 */
final class FullProxyFops implements FileOperations {

    static final FullProxyFops INSTANCE = new FullProxyFops();

    private FullProxyFops() {
    }

    @Override
    public Module owner() {
        // The real operations' module is pinned per file in the kernel; here the proxy has no module.
        return null;
    }

    @Override
    public int open(File file) {
        Dentry dentry = dentry(file);
        if (!dentry.fileGet()) {
            return -Errno.ENOENT;
        }
        try {
            // simple_open: the driver's handlers find i_private in the file's private data.
            file.setPrivateData(dentry.data());
            return dentry.realFops().open(file);
        } finally {
            dentry.filePut();
        }
    }

    @Override
    public long read(File file, byte[] buf, int count) {
        Dentry dentry = dentry(file);
        if (!dentry.fileGet()) {
            return -Errno.EIO;
        }
        try {
            return dentry.realFops().read(file, buf, count);
        } finally {
            dentry.filePut();
        }
    }

    @Override
    public long write(File file, byte[] buf, int count) {
        Dentry dentry = dentry(file);
        if (!dentry.fileGet()) {
            return -Errno.EIO;
        }
        try {
            return dentry.realFops().write(file, buf, count);
        } finally {
            dentry.filePut();
        }
    }

    @Override
    public long ioctl(File file, int cmd, long arg) {
        Dentry dentry = dentry(file);
        if (!dentry.fileGet()) {
            return -Errno.EIO;
        }
        try {
            return dentry.realFops().ioctl(file, cmd, arg);
        } finally {
            dentry.filePut();
        }
    }

    @Override
    public int poll(File file) {
        Dentry dentry = dentry(file);
        if (!dentry.fileGet()) {
            return EPOLLHUP;
        }
        try {
            return dentry.realFops().poll(file);
        } finally {
            dentry.filePut();
        }
    }

    @Override
    public int release(File file) {
        return dentry(file).realFops().release(file);
    }

    private static Dentry dentry(File file) {
        return file.cdev().container(Dentry.class);
    }
}
