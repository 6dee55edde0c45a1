package io.devmsan.kernel.core;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.devres.Devres;
import io.devmsan.kernel.sync.Kref;
import io.devmsan.kernel.sync.Mutex;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A device ({@code struct device}): a name, a parent, driver data, a reference count whose last put
 * runs the release callback, the list of managed resources of the bound driver, and the device
 * lock that serialises probe and unbind.
 *
 * <p>A device is not freed when its driver unbinds: whoever still holds a reference (an open file
 * through its character device, a consumer) keeps the structure alive. What unbind frees is the
 * devres list, so the driver data usually points to freed memory afterwards; the driver core clears
 * it, and the sanitizer checks it ({@link DevmScoped}): a non-null read after the bind scope ended
 * is a use after unbind.
 */
public final class Device {

    private final String name;
    private final Device parent;
    private final Consumer<Device> release;
    private final Kref kref = new Kref();
    private final Devres devres;
    private final Mutex lock;
    private final List<Device> children = new CopyOnWriteArrayList<>();
    private final Object addLock = new Object();
    private boolean added;

    /** The bound driver; written under the device lock by {@link DriverCore}. */
    volatile Driver driver;
    /** The bus the device sits on, or null for a class device. */
    volatile Bus bus;

    @DevmScoped
    private volatile Object drvdata;

    /** {@code device_initialize} for a device without parent whose memory needs no release. */
    public Device(String name) {
        this(name, null, null);
    }

    /**
     * {@code device_initialize}.
     *
     * @param name the device's name ({@code dev_set_name}), such as {@code "xyz.0"}
     * @param parent the parent device, or null
     * @param release runs on the last {@link #put()} ({@code dev->release}); null when nothing needs
     *     freeing
     */
    public Device(String name, Device parent, Consumer<Device> release) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("device name must be non-empty, got " + name);
        }
        this.name = name;
        this.parent = parent;
        this.release = release;
        this.devres = new Devres(name);
        this.lock = new Mutex("device " + name);
    }

    /** {@code dev_name}. */
    public String name() {
        return name;
    }

    /** The parent device, or null. */
    public Device parent() {
        return parent;
    }

    /** {@code get_device}: takes a reference, returns this. */
    public Device get() {
        kref.get();
        return this;
    }

    /** {@code put_device}: drops a reference; the last one runs the release callback. */
    public void put() {
        kref.put(this::released);
    }

    /** The reference count (diagnostics and tests). */
    public int refcount() {
        return kref.read();
    }

    /** {@code dev_get_drvdata}. */
    public Object getDrvdata() {
        return drvdata;
    }

    /** {@code dev_get_drvdata} with a checked cast. */
    public <T> T getDrvdata(Class<T> type) {
        return type.cast(drvdata);
    }

    /** {@code dev_set_drvdata}. */
    public void setDrvdata(Object data) {
        drvdata = data;
    }

    /** The bound driver, or null. */
    public Driver driver() {
        return driver;
    }

    /** The bus, or null for a device on no bus (a class device such as a character device's). */
    public Bus bus() {
        return bus;
    }

    /** The managed resources of the bound driver. */
    public Devres devres() {
        return devres;
    }

    /** {@code device_lock}: held by probe and unbind; drivers may take it to fence against them. */
    public void lock() {
        lock.lock();
    }

    /** {@code device_unlock}. */
    public void unlock() {
        lock.unlock();
    }

    /** True when the calling thread holds the device lock ({@code device_lock_assert}). */
    public boolean isLockedByCurrentThread() {
        return lock.isHeldByCurrentThread();
    }

    /** The devices added below this one, as sysfs lists them. */
    public List<Device> children() {
        return List.copyOf(children);
    }

    /**
     * {@code device_add}: makes the device visible below its parent (and pins the parent).
     *
     * @return 0, {@code -EBUSY} when already added, {@code -EEXIST} when the parent already has a
     *     child of that name
     */
    public int add() {
        synchronized (addLock) {
            if (added) {
                return -Errno.EBUSY;
            }
            if (parent != null) {
                for (Device sibling : parent.children) {
                    if (sibling.name.equals(name)) {
                        return -Errno.EEXIST;
                    }
                }
                parent.get();
                parent.children.add(this);
            }
            added = true;
            return 0;
        }
    }

    /**
     * {@code device_del}: the reverse of {@link #add()}; the caller still holds its reference.
     *
     * <p>A device without a driver (a class device such as a TPM chip's or a character device's)
     * gets its managed resources released here, as the kernel's {@code device_del} does: nobody
     * else would unwind them, since no unbind will ever run for it.
     */
    public void del() {
        synchronized (addLock) {
            if (!added) {
                throw new IllegalStateException("device_del of " + name + ", which is not added");
            }
            added = false;
            if (parent != null) {
                parent.children.remove(this);
                parent.put();
            }
        }
        if (driver == null) {
            devres.releaseAll();
        }
    }

    /** True between {@link #add()} and {@link #del()}. */
    public boolean isAdded() {
        synchronized (addLock) {
            return added;
        }
    }

    private void released() {
        if (release != null) {
            release.accept(this);
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
