package io.devmsan.samples.modunload.counted;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.ModuleImage;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with one {@code counted} platform device and the counted module loaded. The module can
 * be unloaded and loaded again ({@code rmmod}, {@code insmod}); each load is a new image with new
 * static data.
 */
public final class CountedPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final Device device;
    private final Object modules = new Object();
    private CountedModule module;
    private ModuleImage image;

    private CountedPlatform(Bus bus, Device device) {
        this.bus = bus;
        this.device = device;
    }

    /** Adds a device {@code counted.<id>} and loads the module, whose driver binds it. */
    public static CountedPlatform boot() {
        Bus bus = new Bus("platform");
        Device device = new Device(CountedModule.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0) {
            throw new IllegalStateException("cannot add " + device + ": " + ret);
        }
        CountedPlatform platform = new CountedPlatform(bus, device);
        platform.insmod();
        if (device.driver() == null) {
            throw new IllegalStateException("the counted driver did not bind to " + device);
        }
        return platform;
    }

    /**
     * {@code insmod}: loads a new image of the module.
     *
     * @return 0, or the errno of the load ({@code -EBUSY} when an image is already loaded)
     */
    public int insmod() {
        synchronized (modules) {
            if (image != null && image.isLive()) {
                return -Errno.EBUSY;
            }
            CountedModule code = new CountedModule(bus);
            try {
                image = ModuleImage.load(CountedModule.NAME, code);
            } catch (ErrnoException e) {
                return e.errno();
            }
            module = code;
            return 0;
        }
    }

    /** {@code rmmod}: unloads the current image; 0 or the errno of the unload. */
    public int rmmod() {
        ModuleImage current;
        synchronized (modules) {
            current = image;
        }
        return current == null ? -Errno.ENOENT : current.unload();
    }

    /** The platform device. */
    public Device device() {
        return device;
    }

    /** The current module's code. */
    CountedModule module() {
        synchronized (modules) {
            return module;
        }
    }

    /** The node's path, {@code /dev/counted<id>}, while the module is loaded. */
    public String nodePath() {
        return Devtmpfs.path(CountedDriver.nodeName(device));
    }

    /** Unloads the module if still loaded, then removes the device. */
    public void shutdown() {
        rmmod();
        bus.removeDevice(device);
    }
}
