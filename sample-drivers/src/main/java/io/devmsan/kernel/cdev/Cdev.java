package io.devmsan.kernel.cdev;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Module;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.sync.Kref;

/**
 * A character device ({@code struct cdev}): the file operations that opens on it reach.
 *
 * <p>Lifetime, as in the kernel: {@link #add} makes it openable and pins its device structure;
 * {@link #del()} makes later opens fail with {@code -ENXIO} but neither waits for nor stops
 * the files already open, which keep their captured file operations; every open file holds a
 * reference, and the device structure is released only after {@code del()} and the last close.
 *
 * <p>Two proposals made on the mailing lists put a fence around the file operations (see
 * {@link OperationFence}): {@link #devmAdd} bounds them by the host's bind ({@code
 * devm_cdev_device_add}, seed 003), and a character device made with {@link #killable} can
 * {@link #kill()} its open files ({@code cdev_kill}, seed 000). A plain one has no fence.
 */
public final class Cdev {

    private enum State { INITIALIZED, ADDED, DELETED }

    private final FileOperations fops;
    private final Object container;
    private final Kref kref = new Kref();
    private final Object lock = new Object();
    private State state = State.INITIALIZED;
    private Device host;
    private Device dev;
    private String path;
    /** Null for a plain character device; set before {@link #add} publishes it. */
    private volatile OperationFence fence;

    /**
     * {@code cdev_init}.
     *
     * @param fops the file operations every open reaches
     * @param container the driver structure that embeds this character device, which the driver's
     *     open recovers with {@link #container(Class)} ({@code container_of})
     */
    public Cdev(FileOperations fops, Object container) {
        if (fops == null) {
            throw new IllegalArgumentException("cdev_init needs file operations");
        }
        this.fops = fops;
        this.container = container;
    }

    /**
     * {@code cdev_init} of a character device whose open files its driver can {@link #kill()}: every
     * file operation goes through a shim that takes the read side of a rw-semaphore.
     */
    public static Cdev killable(FileOperations fops, Object container) {
        Cdev cdev = new Cdev(fops, container);
        cdev.fence = new KillableOperations("cdev of " + container);
        return cdev;
    }

    /**
     * {@code cdev_device_add}: makes the character device openable and, when {@code dev} is given,
     * adds {@code dev} ({@code device_add}) and creates its node {@code /dev/<dev name>}. The
     * character device pins {@code dev} until its own last reference is gone.
     *
     * @param host the device whose bound driver serves the file operations; the kernel's cdev does
     *     not know it, the sanitizer needs it (as the {@code devm_cdev_device_add} proposal names it)
     * @param dev the device structure that contains this character device, or null for a bare
     *     {@code cdev_add}
     * @return 0, {@code -EBUSY} when already added, {@code -EEXIST} when the node exists, or the
     *     error of {@link Device#add()}
     */
    @Lifecycle.CdevAdd(cdev = Lifecycle.THIS, device = 0)
    public int add(Device host, Device dev) {
        synchronized (lock) {
            if (state != State.INITIALIZED) {
                return -Errno.EBUSY;
            }
            if (dev != null) {
                int ret = dev.add();
                if (ret < 0) {
                    return ret;
                }
                String node = Devtmpfs.path(dev.name());
                if (!Devtmpfs.publish(node, this)) {
                    dev.del();
                    return -Errno.EEXIST;
                }
                dev.get();
                this.path = node;
            }
            this.host = host;
            this.dev = dev;
            state = State.ADDED;
            return 0;
        }
    }

    /**
     * The proposed {@code devm_cdev_device_add(host, cdev, dev)}: {@link #add} whose file operations
     * are bounded by the bind of {@code host}. Every operation runs inside an in-flight reference; a
     * devres action on {@code host}, registered now and so run before whatever the driver allocated
     * earlier in probe is freed, deletes the character device, refuses every later operation (they
     * return {@code -ENXIO}) and waits until the operations inside have returned. The driver's
     * {@code remove()} does not delete it. Release is not fenced: it must not use the host's devres.
     *
     * @return 0, or the error of {@link #add}
     * @throws IllegalArgumentException when {@code host} is null
     * @throws IllegalStateException when this character device already has a fence ({@link #killable})
     */
    public int devmAdd(Device host, Device dev) {
        if (host == null) {
            throw new IllegalArgumentException("devm_cdev_device_add needs the host whose bind bounds " + this);
        }
        HostBoundedOperations bounded = new HostBoundedOperations(toString());
        synchronized (lock) {
            if (state != State.INITIALIZED) {
                return -Errno.EBUSY;
            }
            if (fence != null) {
                throw new IllegalStateException("devm_cdev_device_add of " + this + ", which is killable");
            }
            fence = bounded;
        }
        int ret = add(host, dev);
        if (ret < 0) {
            fence = null;
            return ret;
        }
        return Devm.addActionOrReset(host, () -> {
            del();
            bounded.shut();
        });
    }

    /**
     * The proposed {@code cdev_kill}: waits for the file operations in progress, then kills every
     * open file: the driver's release runs now for each, and every later operation on them returns
     * {@code -EIO} without reaching the driver. Called in {@code remove()}, usually right after
     * {@link #del()}, so that no user is left when devres unwinds.
     *
     * @return the number of open files that were killed (0 when called again)
     * @throws IllegalStateException when this character device was not made {@link #killable}
     */
    public int kill() {
        if (!(fence instanceof KillableOperations)) {
            throw new IllegalStateException("cdev_kill of " + this + ", which was not made killable");
        }
        return ((KillableOperations) fence).kill();
    }

    /**
     * {@code cdev_device_del}: removes the node and {@code dev}; opening fails from now on. Files already
     * open are untouched: their operations keep reaching the driver.
     */
    @Lifecycle.CdevDel(cdev = Lifecycle.THIS)
    public void del() {
        synchronized (lock) {
            if (state != State.ADDED) {
                throw new IllegalStateException("cdev_del of " + this + ", which is not added");
            }
            state = State.DELETED;
            if (path != null) {
                Devtmpfs.unpublish(path, this);
            }
        }
        if (dev != null) {
            dev.del();
        }
        put();
    }

    /**
     * {@code chrdev_open}: opens a new file on this character device, pinning the device structure
     * and the owner module, and runs the driver's open.
     *
     * @return the open file
     * @throws ErrnoException with {@code -ENXIO} once deleted (or never added, or the owner module is
     *     going away), or with the error of the driver's open
     */
    @Lifecycle.FileOpen(cdev = Lifecycle.THIS, file = Lifecycle.RETURNED)
    public File open() {
        synchronized (lock) {
            if (state != State.ADDED) {
                throw new ErrnoException(-Errno.ENXIO, "open " + this);
            }
            kref.get();
        }
        Module owner = fops.owner();
        if (owner != null && !owner.tryGet()) {
            put();
            throw new ErrnoException(-Errno.ENXIO, "open " + this + " (module " + owner.name() + " going)");
        }
        File file = new File(this, fops);
        int ret = enterOperation();
        if (ret == 0) {
            try {
                ret = file.runOpen();
                if (ret >= 0 && fence != null) {
                    fence.opened(file);
                }
            } finally {
                exitOperation();
            }
        }
        if (ret < 0) {
            file.abandon();
            if (owner != null) {
                owner.put();
            }
            put();
            throw new ErrnoException(ret, "open " + this);
        }
        return file;
    }

    /** The structure that embeds this character device ({@code container_of}). */
    public <T> T container(Class<T> type) {
        return type.cast(container);
    }

    /** The device whose driver serves this character device, once added. */
    public Device host() {
        synchronized (lock) {
            return host;
        }
    }

    /** The node's path, or null when added without a device. */
    public String path() {
        synchronized (lock) {
            return path;
        }
    }

    /** True between {@link #add} and {@link #del()}: opens succeed. */
    public boolean isAdded() {
        synchronized (lock) {
            return state == State.ADDED;
        }
    }

    /** References held: one while added, one per open file (diagnostics and tests). */
    public int refcount() {
        return kref.read();
    }

    /**
     * Enters this character device's fence before a file operation.
     *
     * @return 0, or the negative errno the operation returns without reaching the driver
     */
    int enterOperation() {
        OperationFence current = fence;
        return current == null ? 0 : current.enter();
    }

    /** Leaves the fence after a file operation that {@link #enterOperation()} let in. */
    void exitOperation() {
        OperationFence current = fence;
        if (current != null) {
            current.exit();
        }
    }

    /** The last reference to {@code file} is gone: its driver release, as the fence allows. */
    void releaseFile(File file) {
        OperationFence current = fence;
        if (current == null) {
            file.runRelease();
        } else {
            current.release(file);
        }
    }

    /** Drops a reference ({@code cdev_put}); the last one releases the device structure. */
    void put() {
        kref.put(this::released);
    }

    private void released() {
        Device pinned;
        synchronized (lock) {
            pinned = dev;
        }
        if (pinned != null) {
            pinned.put();
        }
    }

    @Override
    public String toString() {
        synchronized (lock) {
            return path != null ? path : "cdev of " + container;
        }
    }
}
