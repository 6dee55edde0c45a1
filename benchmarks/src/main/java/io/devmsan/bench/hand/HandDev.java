package io.devmsan.bench.hand;

/**
 * {@link io.devmsan.bench.driver.XyzDev} with hand-written checks: one at entry (the object is
 * devm-allocated) and one before each read of a devm pointer. Same statements otherwise; keep the
 * two in step.
 */
public final class HandDev {

    static final int RING_ENTRIES = 256;

    private final HandScope scope;
    // Not final, like the annotated driver's fields that probe assigns (C2 does not trust final
    // instance fields anyway, but the two must not differ even in that).
    private HandRegion regs;
    private HandContext context;
    private int[] rxRing;
    private HandStats stats;
    private final int irq;

    /** What probe does in the annotated driver: every devm resource belongs to {@code scope}. */
    public HandDev(HandScope scope, int regionWords, int irq) {
        this.scope = scope;
        this.regs = new HandRegion(scope, regionWords);
        this.context = new HandContext(scope);
        this.rxRing = new int[RING_ENTRIES];
        this.stats = new HandStats();
        this.irq = irq;
    }

    public long ioctl(int cmd, long arg) {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        HandStats s = stats;
        s.ioctls++;
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        HandContext ctx = context;
        switch (cmd & 3) {
            case 0:
                if (scope.released) {
                    throw HandScope.useAfterUnbind();
                }
                return ctx.submit(cmd, arg) + regs.readl(cmd >>> 2);
            case 1:
                ctx.reset(cmd >>> 2);
                if (scope.released) {
                    throw HandScope.useAfterUnbind();
                }
                regs.writel(1, (int) arg);
                return ctx.status();
            case 2: {
                if (scope.released) {
                    throw HandScope.useAfterUnbind();
                }
                int[] ring = rxRing;
                return ring[(int) arg & (ring.length - 1)] + ctx.status();
            }
            default:
                if (scope.released) {
                    throw HandScope.useAfterUnbind();
                }
                return ctx.status() ^ regs.readl(1) ^ irq;
        }
    }

    public long read(int offset, int count) {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        HandRegion io = regs;
        long sum = 0;
        for (int i = 0; i < count; i++) {
            sum += io.readl(offset + i);
        }
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        HandStats s = stats;
        s.reads++;
        s.wordsRead += count;
        return sum;
    }

    public long ioctls() {
        return stats.ioctls;
    }
}
