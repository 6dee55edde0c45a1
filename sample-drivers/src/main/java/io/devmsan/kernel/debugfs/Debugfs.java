package io.devmsan.kernel.debugfs;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * debugfs ({@code fs/debugfs}): files created by drivers under {@code /sys/kernel/debug}, opened by
 * path, and removed with a guarantee the character device lacks: once {@link #remove(Dentry)}
 * returns, no handler of the file is running and none will start.
 */
public final class Debugfs {

    /** Where debugfs is mounted. */
    public static final String ROOT = "/sys/kernel/debug/";

    private static final Map<String, Dentry> FILES = new TreeMap<>();

    private Debugfs() {
    }

    /**
     * {@code debugfs_create_file}: a file at {@code ROOT + name} whose operations are {@code fops},
     * proxied; {@code data} becomes its {@code i_private}.
     *
     * @param host the device whose driver serves the handlers (the sanitizer's view, as for a cdev)
     * @throws IllegalArgumentException for a missing name, host or fops
     * @throws ErrnoException with {@code -EEXIST} when the path is taken
     */
    public static Dentry createFile(String name, Device host, Object data, FileOperations fops) {
        if (name == null || name.isEmpty() || host == null || fops == null) {
            throw new IllegalArgumentException("debugfs_create_file needs a name, a host and file operations,"
                    + " got name " + name + ", host " + host + ", fops " + fops);
        }
        Dentry dentry = new Dentry(ROOT + name, data, fops);
        synchronized (FILES) {
            if (FILES.putIfAbsent(dentry.path(), dentry) != null) {
                throw new ErrnoException(-Errno.EEXIST, "debugfs_create_file " + dentry.path());
            }
        }
        int ret = dentry.add(host);
        if (ret < 0) {
            unlink(dentry);
            throw new ErrnoException(ret, "debugfs_create_file " + dentry.path());
        }
        return dentry;
    }

    /**
     * {@code debugfs_remove}: unlinks the file, then waits until every handler running on it has
     * returned; later handler calls fail. A null {@code dentry} is ignored, as in the kernel.
     */
    public static void remove(Dentry dentry) {
        if (dentry == null) {
            return;
        }
        unlink(dentry);
        dentry.remove();
    }

    /**
     * {@code open(path)} under {@code /sys/kernel/debug}.
     *
     * @throws ErrnoException with {@code -ENOENT} when there is no such file, or the error of the open
     */
    public static File open(String path) {
        Dentry dentry;
        synchronized (FILES) {
            dentry = FILES.get(path);
        }
        if (dentry == null) {
            throw new ErrnoException(-Errno.ENOENT, "open " + path);
        }
        return dentry.inode().open();
    }

    /** Every file's path, sorted. */
    public static List<String> list() {
        synchronized (FILES) {
            return List.copyOf(FILES.keySet());
        }
    }

    private static void unlink(Dentry dentry) {
        synchronized (FILES) {
            FILES.remove(dentry.path(), dentry);
        }
    }
}
