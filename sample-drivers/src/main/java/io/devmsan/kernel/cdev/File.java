package io.devmsan.kernel.cdev;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Module;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * An open file ({@code struct file}) on a character device: its private data, its position, and
 * the file operations captured when it was opened, which it keeps calling whatever happened to the
 * character device or the driver since.
 *
 * <p>Each operation holds a reference for its duration (like {@code fdget}), so a concurrent last
 * {@link #close()} runs the driver's release only after the operation returned. Operations on a file
 * whose last reference is gone return {@code -EBADF}. When the character device has a fence
 * ({@link Cdev#devmAdd}, {@link Cdev#killable}), each operation runs inside it and returns the
 * fence's errno without reaching the driver once the fence is shut; {@code poll} then reports the
 * file hung up ({@code EPOLLERR | EPOLLHUP}).
 */
public final class File {

    private static final AtomicLong IDS = new AtomicLong();

    private final long id = IDS.incrementAndGet();
    private final Cdev cdev;
    private final FileOperations fops;
    private final AtomicInteger count = new AtomicInteger(1);
    private volatile Object privateData;
    private volatile long pos;

    File(Cdev cdev, FileOperations fops) {
        this.cdev = cdev;
        this.fops = fops;
    }

    /** {@code read(2)}: up to {@code count} bytes into {@code buf}. */
    @Lifecycle.FileOperation(value = "read", file = Lifecycle.THIS)
    public long read(byte[] buf, int count) {
        if (!fdget()) {
            return -Errno.EBADF;
        }
        try {
            if (buf == null || count < 0 || count > buf.length) {
                return -Errno.EFAULT;
            }
            int refused = cdev.enterOperation();
            if (refused < 0) {
                return refused;
            }
            try {
                return fops.read(this, buf, count);
            } finally {
                cdev.exitOperation();
            }
        } finally {
            fdput();
        }
    }

    /** {@code write(2)}: the first {@code count} bytes of {@code buf}. */
    @Lifecycle.FileOperation(value = "write", file = Lifecycle.THIS)
    public long write(byte[] buf, int count) {
        if (!fdget()) {
            return -Errno.EBADF;
        }
        try {
            if (buf == null || count < 0 || count > buf.length) {
                return -Errno.EFAULT;
            }
            int refused = cdev.enterOperation();
            if (refused < 0) {
                return refused;
            }
            try {
                return fops.write(this, buf, count);
            } finally {
                cdev.exitOperation();
            }
        } finally {
            fdput();
        }
    }

    /** {@code ioctl(2)}. */
    @Lifecycle.FileOperation(value = "ioctl", file = Lifecycle.THIS)
    public long ioctl(int cmd, long arg) {
        if (!fdget()) {
            return -Errno.EBADF;
        }
        try {
            int refused = cdev.enterOperation();
            if (refused < 0) {
                return refused;
            }
            try {
                return fops.ioctl(this, cmd, arg);
            } finally {
                cdev.exitOperation();
            }
        } finally {
            fdput();
        }
    }

    /** {@code poll(2)} without waiting: the ready mask, or {@code EPOLLNVAL}-like {@code -EBADF}. */
    @Lifecycle.FileOperation(value = "poll", file = Lifecycle.THIS)
    public int poll() {
        if (!fdget()) {
            return -Errno.EBADF;
        }
        try {
            if (cdev.enterOperation() < 0) {
                return FileOperations.EPOLLERR | FileOperations.EPOLLHUP;
            }
            try {
                return fops.poll(this);
            } finally {
                cdev.exitOperation();
            }
        } finally {
            fdput();
        }
    }

    /** {@code dup(2)}: one more reference to this open file; close each. */
    public File dup() {
        if (!fdget()) {
            throw new IllegalStateException("dup of " + this + ", which is closed");
        }
        return this;
    }

    /**
     * {@code close(2)}: drops a reference; the last one runs the driver's release, then lets go of
     * the character device and the owner module.
     *
     * @return 0, or {@code -EBADF} when no reference is left to close
     */
    public int close() {
        int current;
        do {
            current = count.get();
            if (current <= 0) {
                return -Errno.EBADF;
            }
        } while (!count.compareAndSet(current, current - 1));
        if (current == 1) {
            release();
        }
        return 0;
    }

    /** The character device this file was opened on ({@code inode->i_cdev} at open time). */
    public Cdev cdev() {
        return cdev;
    }

    /** {@code file->private_data}. */
    public Object privateData() {
        return privateData;
    }

    /** {@code file->private_data} with a checked cast. */
    public <T> T privateData(Class<T> type) {
        return type.cast(privateData);
    }

    /** Sets {@code file->private_data}, usually in the driver's open. */
    public void setPrivateData(Object data) {
        privateData = data;
    }

    /** {@code file->f_pos}. */
    public long pos() {
        return pos;
    }

    /** Sets {@code file->f_pos}. */
    public void setPos(long pos) {
        this.pos = pos;
    }

    /** References held ({@code file_count}); 0 once released. */
    public int refcount() {
        return count.get();
    }

    /** The driver's open, as a file operation. */
    @Lifecycle.FileOperation(value = "open", file = Lifecycle.THIS)
    int runOpen() {
        return fops.open(this);
    }

    /** A failed open: the file never existed for user space, release does not run. */
    void abandon() {
        count.set(0);
    }

    /**
     * The driver's release, as a file operation: on the last close, or earlier when the character
     * device kills its open files ({@link Cdev#kill()}).
     */
    @Lifecycle.FileOperation(value = "release", file = Lifecycle.THIS)
    int runRelease() {
        return fops.release(this);
    }

    /**
     * {@code __fput}: the driver's release (as the character device's fence allows), then the
     * references the open took.
     */
    void release() {
        try {
            cdev.releaseFile(this);
        } finally {
            Module owner = fops.owner();
            if (owner != null) {
                owner.put();
            }
            cdev.put();
        }
    }

    private boolean fdget() {
        int current;
        do {
            current = count.get();
            if (current <= 0) {
                return false;
            }
        } while (!count.compareAndSet(current, current + 1));
        return true;
    }

    private void fdput() {
        if (count.decrementAndGet() == 0) {
            release();
        }
    }

    @Override
    public String toString() {
        return "file#" + id + " " + cdev;
    }
}
