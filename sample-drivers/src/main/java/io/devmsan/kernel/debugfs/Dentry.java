package io.devmsan.kernel.debugfs;

import io.devmsan.kernel.cdev.Cdev;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.sync.ActiveRef;

/**
 * A debugfs file ({@code struct dentry} with its {@code debugfs_fsdata}): its path, the driver's
 * data ({@code inode->i_private}) and real file operations, and the count of active users that
 * removal kills and drains.
 */
public final class Dentry {

    private final String path;
    private final Object data;
    private final FileOperations realFops;
    private final ActiveRef activeUsers;
    private final Cdev inode;

    Dentry(String path, Object data, FileOperations realFops) {
        this.path = path;
        this.data = data;
        this.realFops = realFops;
        this.activeUsers = new ActiveRef("debugfs " + path + " active users");
        this.inode = new Cdev(FullProxyFops.INSTANCE, this);
    }

    /** The file's path, such as {@code /sys/kernel/debug/dbg.0/regs}. */
    public String path() {
        return path;
    }

    /** {@code inode->i_private}: what the driver handed to {@link Debugfs#createFile}. */
    public Object data() {
        return data;
    }

    /** True once {@link Debugfs#remove(Dentry)} has started: no new active user gets in. */
    public boolean isRemoved() {
        return activeUsers.isDead();
    }

    /**
     * {@code debugfs_file_get}: becomes an active user unless the file was removed.
     *
     * @return true when the caller may run a handler, and must call {@link #filePut()} after it
     */
    boolean fileGet() {
        return activeUsers.tryGet();
    }

    /** {@code debugfs_file_put}. */
    void filePut() {
        activeUsers.put();
    }

    FileOperations realFops() {
        return realFops;
    }

    Cdev inode() {
        return inode;
    }

    /** Publishes the inode, served by {@code host}'s driver. */
    int add(Device host) {
        return inode.add(host, null);
    }

    /** Unlinks the inode, then kills and drains the active users. */
    void remove() {
        inode.del();
        activeUsers.killAndDrain();
    }

    @Override
    public String toString() {
        return path;
    }
}
