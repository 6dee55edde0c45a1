package io.devmsan.samples.modunload.naive;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.ModuleImage;
import java.util.concurrent.atomic.AtomicInteger;

/** A machine with one {@code naive} platform device and the naive module loaded, so bound. */
public final class NaivePlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final Device device;
    private final NaiveModule module;
    private final ModuleImage image;

    private NaivePlatform(Bus bus, Device device, NaiveModule module, ModuleImage image) {
        this.bus = bus;
        this.device = device;
        this.module = module;
        this.image = image;
    }

    /** Adds a device {@code naive.<id>} and loads the module, whose driver binds it. */
    public static NaivePlatform boot() {
        Bus bus = new Bus("platform");
        Device device = new Device(NaiveModule.NAME + "." + IDS.getAndIncrement());
        int ret = bus.addDevice(device);
        if (ret < 0) {
            throw new IllegalStateException("cannot add " + device + ": " + ret);
        }
        NaiveModule module = new NaiveModule(bus);
        ModuleImage image = ModuleImage.load(NaiveModule.NAME, module);
        if (device.driver() == null) {
            throw new IllegalStateException("the naive driver did not bind to " + device);
        }
        return new NaivePlatform(bus, device, module, image);
    }

    /** The platform device. */
    public Device device() {
        return device;
    }

    /** The loaded module's image. */
    public ModuleImage image() {
        return image;
    }

    /** The module's code. */
    NaiveModule module() {
        return module;
    }

    /** The node's path, {@code /dev/naive<id>}. */
    public String nodePath() {
        return Devtmpfs.path(NaiveDriver.nodeName(device));
    }

    /** Unloads the module if still loaded, then removes the device. */
    public void shutdown() {
        if (image.isLive()) {
            image.unload();
        }
        bus.removeDevice(device);
    }
}
