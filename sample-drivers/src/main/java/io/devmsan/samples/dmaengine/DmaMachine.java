package io.devmsan.samples.dmaengine;

import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.core.Bus;
import io.devmsan.kernel.core.Device;
import io.devmsan.kernel.core.Driver;
import io.devmsan.kernel.core.Module;
import io.devmsan.kernel.dmaengine.DmaEngine;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiFunction;

/**
 * A machine with a DMA provider (in its own module) bound to a provider device, and the
 * {@code dmacopy} consumer bound to its own device: what the graceful and pinned samples boot.
 */
public final class DmaMachine {

    private static final AtomicInteger IDS = new AtomicInteger();

    private final Bus bus;
    private final DmaEngine engine;
    private final Module module;
    private final Device provider;
    private final Device consumer;
    private final DmaCopyDriver consumerDriver;

    private DmaMachine(Bus bus, DmaEngine engine, Module module, Device provider, Device consumer,
            DmaCopyDriver consumerDriver) {
        this.bus = bus;
        this.engine = engine;
        this.module = module;
        this.provider = provider;
        this.consumer = consumer;
        this.consumerDriver = consumerDriver;
    }

    /**
     * Loads module {@code moduleName}, registers the provider driver {@code newProviderDriver} makes
     * (its module unregisters it at exit) and the consumer, and adds a device for each, which bind.
     *
     * @throws IllegalStateException when either driver does not bind
     */
    public static DmaMachine boot(String moduleName, BiFunction<DmaEngine, Module, Driver> newProviderDriver) {
        int id = IDS.getAndIncrement();
        Bus bus = new Bus("platform");
        DmaEngine engine = new DmaEngine();
        Module module = new Module(moduleName);
        Driver providerDriver = newProviderDriver.apply(engine, module);
        bus.registerDriver(providerDriver);
        module.onExit(() -> bus.unregisterDriver(providerDriver));
        DmaCopyDriver consumerDriver = new DmaCopyDriver(engine);
        bus.registerDriver(consumerDriver);
        Device provider = new Device(providerDriver.name() + "." + id);
        Device consumer = new Device(DmaCopyDriver.NAME + "." + id);
        if (bus.addDevice(provider) < 0 || bus.addDevice(consumer) < 0
                || provider.driver() != providerDriver || consumer.driver() != consumerDriver) {
            throw new IllegalStateException(providerDriver.name() + " or dmacopy did not bind");
        }
        return new DmaMachine(bus, engine, module, provider, consumer, consumerDriver);
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
