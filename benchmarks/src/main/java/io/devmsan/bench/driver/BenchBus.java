package io.devmsan.bench.driver;

import io.devmsan.annotations.Lifecycle;

/**
 * The bus of the bench model: binds and unbinds the driver and provides devres. Its annotated
 * methods are where the agent opens and releases bind scopes and adopts devres objects; they run
 * once per bind, never in a measured loop.
 */
public final class BenchBus {

    private BenchBus() {
    }

    /** Binds {@code driver} to {@code dev}: a bind scope is open while {@code probe} runs. */
    @Lifecycle.Probe(device = 0)
    public static void probe(BenchDevice dev, XyzDriver driver) {
        driver.probe(dev);
    }

    /** Unbinds: remove, then the scope (devres) is released when this returns. */
    @Lifecycle.Unbind(device = 0)
    public static void unbind(BenchDevice dev, XyzDriver driver) {
        driver.remove(dev);
    }

    /**
     * Binds a driver whose probe is {@code probe}: for harnesses that need code to run inside a
     * bind scope (the memory harness), or a scope with nothing in it.
     */
    @Lifecycle.Probe(device = 0)
    public static void probeRunning(BenchDevice dev, Runnable probe) {
        probe.run();
    }

    /** Unbinds a driver bound with {@link #probeRunning}; {@code remove} runs first. */
    @Lifecycle.Unbind(device = 0)
    public static void unbindRunning(BenchDevice dev, Runnable remove) {
        remove.run();
    }

    /** {@code devm_ioremap()}: an I/O region that devres owns until the unbind. */
    @Lifecycle.DevresAdopt(device = 0, object = Lifecycle.RETURNED)
    public static IoRegion devmIoremap(BenchDevice dev, int words) {
        return new IoRegion(words);
    }
}
