package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Module;
import io.devmsan.kernel.dmaengine.DmaEngine;
import io.devmsan.samples.dmaengine.DmaCopyDriver;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A machine with the graceful provider (in its module {@code graceful_dma}) bound to a
 * {@code graceful-dma} device, and the {@code dmacopy} consumer bound to its own device.
 */
public final class GracefulPlatform {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final DmaEngine engine;
    private final Module module;
    private final Device provider;
    private final Device consumer;
    private final DmaCopyDriver consumerDriver;

    private GracefulPlatform(Bus bus, DmaEngine engine, Module module, Device provider, Device consumer,
            DmaCopyDriver consumerDriver) {
        this.bus = bus;
        this.engine = engine;
        this.module = module;
        this.provider = provider;
        this.consumer = consumer;
        this.consumerDriver = consumerDriver;
    }

    /** Loads the provider's module, registers both drivers and adds both devices, which bind. */
    public static GracefulPlatform boot() {
        int id = IDS.getAndIncrement();
        Bus bus = new Bus("platform");
        DmaEngine engine = new DmaEngine();
        Module module = new Module("graceful_dma");
        GracefulDmaDriver providerDriver = new GracefulDmaDriver(engine, module);
        bus.registerDriver(providerDriver);
        module.onExit(() -> bus.unregisterDriver(providerDriver));
        DmaCopyDriver consumerDriver = new DmaCopyDriver(engine);
        bus.registerDriver(consumerDriver);
        Device provider = new Device(GracefulDmaDriver.NAME + "." + id);
        Device consumer = new Device(DmaCopyDriver.NAME + "." + id);
        if (bus.addDevice(provider) < 0 || bus.addDevice(consumer) < 0
                || provider.driver() != providerDriver || consumer.driver() != consumerDriver) {
            throw new IllegalStateException("graceful-dma or dmacopy did not bind");
        }
        return new GracefulPlatform(bus, engine, module, provider, consumer, consumerDriver);
    }

    /** The platform bus. */
    public Bus bus() {
        return bus;
    }

    /** The dmaengine core. */
    public DmaEngine engine() {
        return engine;
    }

    /** The provider's module. */
    public Module module() {
        return module;
    }

    /** The provider's device. */
    public Device provider() {
        return provider;
    }

    /** The consumer's node, {@code /dev/dmacopy<id>}. */
    public String consumerNode() {
        return Devtmpfs.path(DmaCopyDriver.nodeName(consumer));
    }

    /** Removes both devices, unregisters the consumer and unloads the provider's module. */
    public void shutdown() {
        bus.removeDevice(consumer);
        bus.removeDevice(provider);
        bus.unregisterDriver(consumerDriver);
        module.unload();
    }
}
