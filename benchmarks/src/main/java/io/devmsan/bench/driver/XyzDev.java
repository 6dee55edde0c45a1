package io.devmsan.bench.driver;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.annotations.ScopeOwned;

/**
 * The driver's private data ({@code struct xyz_dev}, {@code devm_kzalloc()}'d in probe, so owned
 * by the bind scope) with four {@code @DevmScoped} pointers to devm resources. {@link #ioctl} and
 * {@link #read} are the measured hot paths: ioctl touches several scoped fields and calls methods
 * on the owned context; read loops over the devres-mapped I/O region.
 *
 * <p>The shape is that of a real ioctl handler: a switch over commands, each a few accesses. The
 * same code with hand-written checks is {@link io.devmsan.bench.hand.HandDev}; keep them in step.
 */
@ScopeOwned
public final class XyzDev {

    @DevmScoped
    IoRegion regs;

    @DevmScoped
    XyzContext context;

    @DevmScoped
    int[] rxRing;

    @DevmScoped
    XyzStats stats;

    private final int irq;

    XyzDev(int irq) {
        this.irq = irq;
    }

    /** The ioctl handler: four commands, each touching scoped fields and the owned context. */
    public long ioctl(int cmd, long arg) {
        XyzStats s = stats;
        s.ioctls++;
        XyzContext ctx = context;
        switch (cmd & 3) {
            case 0:
                return ctx.submit(cmd, arg) + regs.readl(cmd >>> 2);
            case 1:
                ctx.reset(cmd >>> 2);
                regs.writel(1, (int) arg);
                return ctx.status();
            case 2: {
                int[] ring = rxRing;
                return ring[(int) arg & (ring.length - 1)] + ctx.status();
            }
            default:
                return ctx.status() ^ regs.readl(1) ^ irq;
        }
    }

    /** The read handler: {@code count} words of the I/O region from {@code offset}, summed. */
    public long read(int offset, int count) {
        IoRegion io = regs;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += io.readl(offset + i);
        }
        XyzStats s = stats;
        s.reads++;
        s.wordsRead += count;
        return sum;
    }

    public long ioctls() {
        return stats.ioctls;
    }
}
