package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.core.Module;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.devres.Slab;
import io.devmsan.kernel.dmaengine.DmaDevice;
import io.devmsan.kernel.dmaengine.DmaEngine;

/**
 * A memcpy DMA provider prepared for removal, as seed 004 asks: refcounted private data freed by
 * {@code device_release}, and callbacks that return an error once the device has gone.
 * {@code remove()} clears the registers pointer, waits for every callback inside the SRCU read
 * section, then unregisters the DMA device.
 */
public final class GracefulDmaDriver implements Driver {

    /** The driver's name; it binds devices named {@code graceful-dma} or {@code graceful-dma.<id>}. */
    public static final String NAME = "graceful-dma";

    static final int NCHANS = 2;
    static final int REGS_SIZE = 4 * NCHANS;

    private final DmaEngine engine;
    private final Module module;

    /** The provider, registering with {@code engine}, its code in {@code module}. */
    public GracefulDmaDriver(DmaEngine engine, Module module) {
        this.engine = engine;
        this.module = module;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public Module owner() {
        return module;
    }

    @Override
    public int probe(Device pdev) {
        GracefulDmaPriv priv = Slab.kzalloc(() -> new GracefulDmaPriv(NCHANS));
        priv.regs = Devm.ioremap(pdev, REGS_SIZE);
        priv.dmaDevice = new DmaDevice(pdev, module, new GracefulDmaOps(priv), NCHANS, () -> release(priv));
        pdev.setDrvdata(priv);
        int ret = engine.registerDevice(priv.dmaDevice);
        if (ret < 0) {
            priv.dmaDevice.put();
        }
        return ret;
    }

    @Override
    public void remove(Device pdev) {
        GracefulDmaPriv priv = pdev.getDrvdata(GracefulDmaPriv.class);
        priv.regs = null;
        priv.srcu.synchronize();
        engine.unregisterDevice(priv.dmaDevice);
    }

    /** {@code device_release}: the registration and every channel client are gone. */
    static void release(GracefulDmaPriv priv) {
        priv.released = true;
        Slab.kfree(priv);
    }
}
