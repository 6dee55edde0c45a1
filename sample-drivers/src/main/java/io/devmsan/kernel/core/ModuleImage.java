package io.devmsan.kernel.core;

import io.devmsan.annotations.Lifecycle;
import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.sync.Mutex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * A loaded module's image: its code and its static data ({@code .data}/{@code .bss}: counters,
 * locks defined with {@code DEFINE_MUTEX}), which exist from the load until the loader unmaps the
 * image after a successful unload.
 *
 * <p>How the sanitizer sees a module's lifetime: the image plays the device of a bind scope.
 * Loading opens the scope ({@link Lifecycle.Probe} on {@link #runInit}), every object defined in
 * the static data is adopted by it ({@link Lifecycle.DevresAdopt}), unmapping frees each of them
 * ({@link Slab#kfree}, so a later access is a {@code use-after-free} of module memory, not an
 * unbind) and then ends the scope ({@link Lifecycle.Unbind} on {@link #retire}).
 *
 * <p>Unload asks the module's {@link ModuleCode#fini} first and unmaps as soon as it agrees, as the
 * NetBSD loader of seed 002 does; {@link Module} is the other design, where a reference count held
 * by users refuses the unload. A mutex in the static data that the unloading thread still holds
 * when the image goes away is released by the unmap, after its memory is dead: its lock word is
 * gone, so a thread that was waiting for it runs on into freed memory, which is what a module that
 * unloads under its own mutex does to a racing caller.
 */
public final class ModuleImage {

    private enum State { LOADING, LIVE, GONE }

    private final String name;
    private final ModuleCode code;
    private final Object loader = new Object();
    private final List<Object> statics = new ArrayList<>();
    private final List<Mutex> mutexes = new ArrayList<>();
    private volatile State state = State.LOADING;

    private ModuleImage(String name, ModuleCode code) {
        this.name = name;
        this.code = code;
    }

    /**
     * {@code insmod}: maps a new image of {@code code} and runs its init.
     *
     * @return the live image
     * @throws ErrnoException with the init's error; the image is unmapped again
     */
    public static ModuleImage load(String name, ModuleCode code) {
        if (name == null || name.isEmpty() || code == null) {
            throw new IllegalArgumentException("insmod needs a non-empty name and module code, got '" + name
                    + "' and " + code);
        }
        ModuleImage image = new ModuleImage(name, code);
        synchronized (image.loader) {
            int ret = runInit(image);
            if (ret < 0) {
                image.unmap();
                throw new ErrnoException(ret, "insmod " + name);
            }
            image.state = State.LIVE;
        }
        return image;
    }

    /**
     * {@code rmmod}: asks the module's fini and, when it agrees, unmaps the image.
     *
     * @return 0 when unloaded, the fini's error when it refused, {@code -ENOENT} when not loaded
     */
    public int unload() {
        synchronized (loader) {
            if (state != State.LIVE) {
                return -Errno.ENOENT;
            }
            int ret = code.fini(this);
            if (ret > 0) {
                ret = -Errno.EINVAL;
            }
            if (ret < 0) {
                return ret;
            }
            unmap();
            return 0;
        }
    }

    /**
     * An object in the module's static data, constructed now; it is freed when the image is
     * unmapped. Only the module's init defines static data.
     */
    public <T> T define(Supplier<T> constructor) {
        requireLoading("define static data");
        T object = constructor.get();
        if (object == null) {
            throw new IllegalArgumentException("static data of module " + name + ": constructor returned null");
        }
        statics.add(object);
        return adopt(this, object);
    }

    /** {@code DEFINE_MUTEX}: a mutex in the module's static data. Only the module's init defines one. */
    public Mutex defineMutex(String lockName) {
        requireLoading("define mutex " + lockName);
        Mutex mutex = new Mutex(name + ":" + lockName);
        mutexes.add(mutex);
        return mutex;
    }

    /** The module's name. */
    public String name() {
        return name;
    }

    /** True from the end of a successful load until the unload unmaps the image. */
    public boolean isLive() {
        return state == State.LIVE;
    }

    /** The module's init, inside the lifetime scope of the image. */
    @Lifecycle.Probe(device = 0)
    static int runInit(ModuleImage image) {
        int ret = image.code.init(image);
        return ret > 0 ? -Errno.EINVAL : ret;
    }

    /** Hands a static object to the image's lifetime scope. */
    @Lifecycle.DevresAdopt(device = 0)
    static <T> T adopt(ModuleImage image, T object) {
        return object;
    }

    /** The image's lifetime ends: nothing of it may be used any more. */
    @Lifecycle.Unbind(device = 0)
    static void retire(ModuleImage image) {
        image.state = State.GONE;
    }

    /**
     * Frees the static data, newest first, ends the image's lifetime, then lets go of mutexes the
     * unloading thread still held in it: whoever waited for one finds the image gone.
     */
    private void unmap() {
        for (int i = statics.size() - 1; i >= 0; i--) {
            Slab.kfree(statics.get(i));
        }
        statics.clear();
        retire(this);
        for (Mutex mutex : mutexes) {
            if (mutex.isHeldByCurrentThread()) {
                mutex.unlock();
            }
        }
        mutexes.clear();
    }

    private void requireLoading(String what) {
        if (state != State.LOADING) {
            throw new IllegalStateException("module " + name + " cannot " + what + " outside its init (" + state + ")");
        }
    }

    @Override
    public String toString() {
        return "module " + name;
    }
}
