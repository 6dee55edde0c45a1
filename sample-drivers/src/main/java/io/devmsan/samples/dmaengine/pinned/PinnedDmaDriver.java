package io.devmsan.samples.dmaengine.pinned;

import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.core.Module;
import io.devmsan.kernel.devres.Devm;
import io.devmsan.kernel.dmaengine.DmaDevice;
import io.devmsan.kernel.dmaengine.DmaEngine;

/**
 * A memcpy DMA provider written the way seed 004 says dmaengine drivers were: its state is devm,
 * it has no {@code device_release}, and it trusts the module reference that every channel client
 * holds. {@code remove()} unregisters the DMA device; devres frees the state; channels already in
 * consumers' hands keep calling in.
 */
public final class PinnedDmaDriver implements Driver {

    /** The driver's name; it binds devices named {@code pinned-dma} or {@code pinned-dma.<id>}. */
    public static final String NAME = "pinned-dma";

    static final int NCHANS = 2;

    private final DmaEngine engine;
    private final Module module;

    /** The provider, registering with {@code engine}, its code in {@code module}. */
    public PinnedDmaDriver(DmaEngine engine, Module module) {
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
        PinnedDmaPriv priv = Devm.kzalloc(pdev, () -> new PinnedDmaPriv(NCHANS));
        PinnedDmaOps ops = new PinnedDmaOps();
        ops.priv = priv;
        priv.dmaDevice = new DmaDevice(pdev, module, ops, NCHANS, null);
        pdev.setDrvdata(priv);
        return engine.registerDevice(priv.dmaDevice);
    }

    @Override
    public void remove(Device pdev) {
        PinnedDmaPriv priv = pdev.getDrvdata(PinnedDmaPriv.class);
        // The core warns when clients still hold channels, and carries on.
        engine.unregisterDevice(priv.dmaDevice);
    }
}
