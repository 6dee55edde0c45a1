package io.devmsan.bench.driver;

/**
 * The driver: probe allocates its private data and devm resources (all owned by the bind scope
 * the bus opened), remove lets go of them. Called only through {@link BenchBus}.
 */
public final class XyzDriver {

    /** Words in the I/O region; the read benchmark reads a window of it. */
    public static final int REGION_WORDS = 1024;

    static final int RING_ENTRIES = 256;

    private int nextIrq = 32;

    void probe(BenchDevice dev) {
        XyzDev priv = new XyzDev(nextIrq++);
        priv.regs = BenchBus.devmIoremap(dev, REGION_WORDS);
        priv.context = new XyzContext();
        priv.rxRing = new int[RING_ENTRIES];
        priv.stats = new XyzStats();
        dev.drvdata = priv;
    }

    void remove(BenchDevice dev) {
        dev.drvdata = null;
    }
}
