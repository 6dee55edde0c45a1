package io.devmsan.kernel.dmaengine;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Module;
import io.devmsan.kernel.sync.Kref;
import java.util.ArrayList;
import java.util.List;

/**
 * A provider's DMA engine as the core knows it ({@code struct dma_device}): the provider's device,
 * the module holding its code, its callbacks and its channels, and a reference count. The
 * registration holds one reference, every channel client one more; the last put runs the
 * provider's {@code device_release}, where a provider with refcounted state frees it. A provider
 * without one (the older way) frees its state with devres at unbind, whoever still holds channels.
 *
 * <p>The model keeps the core's structure apart from the provider's private data, so that what a
 * consumer reaches after unbind is reported where the provider touches its own state.
 */
public final class DmaDevice {

    private final Device dev;
    private final Module owner;
    private final DmaDeviceOps ops;
    private final List<DmaChan> channels;
    private final Kref kref = new Kref();
    private final Runnable release;

    /** Registered with {@link #engine}; guarded by the engine's lock. */
    boolean registered;
    DmaEngine engine;

    /**
     * @param dev the provider's device (its driver serves the callbacks)
     * @param owner the provider's module, pinned by channel clients; null when built in
     * @param ops the provider's callbacks
     * @param nchans the number of channels, at least 1
     * @param release {@code device_release}, run at the last put; null when the provider frees
     *     nothing there
     */
    public DmaDevice(Device dev, Module owner, DmaDeviceOps ops, int nchans, Runnable release) {
        if (dev == null || ops == null || nchans < 1) {
            throw new IllegalArgumentException("dma_device needs a device, callbacks and at least one channel; got "
                    + dev + ", " + ops + ", " + nchans);
        }
        this.dev = dev;
        this.owner = owner;
        this.ops = ops;
        this.release = release;
        List<DmaChan> chans = new ArrayList<>(nchans);
        for (int i = 0; i < nchans; i++) {
            chans.add(new DmaChan(this, i));
        }
        this.channels = List.copyOf(chans);
    }

    /** The provider's device. */
    public Device dev() {
        return dev;
    }

    /** The provider's module, or null. */
    public Module owner() {
        return owner;
    }

    /** The provider's callbacks. */
    DmaDeviceOps ops() {
        return ops;
    }

    /** The channels, by index. */
    public List<DmaChan> channels() {
        return channels;
    }

    /** {@code dma_device_get}. */
    public void get() {
        kref.get();
    }

    /** {@code dma_device_put}: the last one runs {@code device_release}. */
    public void put() {
        kref.put(() -> {
            if (release != null) {
                release.run();
            }
        });
    }

    /** References held (diagnostics and tests). */
    public int refcount() {
        return kref.read();
    }

    @Override
    public String toString() {
        return "dma device of " + dev.name();
    }
}
