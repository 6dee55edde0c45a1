package io.devmsan.samples.dmaengine.graceful;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.devres.IoMem;
import io.devmsan.kernel.dmaengine.DmaChan;
import io.devmsan.kernel.dmaengine.DmaDescriptor;
import io.devmsan.kernel.dmaengine.DmaDeviceOps;
import io.devmsan.kernel.dmaengine.DmaStatus;
import io.devmsan.samples.dmaengine.MemcpyRing;

/**
 * The provider's callbacks. Each one enters the SRCU read section and looks at the registers
 * first: once {@code remove()} cleared them the device is gone and the callback fails the way its
 * consumers understand (no descriptor, {@code -ENODEV}, an error status) without touching
 * anything of the bind.
 */
final class GracefulDmaOps implements DmaDeviceOps {

    /** The doorbell registers, one per channel: the last cookie started. */
    static final int REG_DOORBELL = 0x0;

    private final GracefulDmaPriv priv;

    GracefulDmaOps(GracefulDmaPriv priv) {
        this.priv = priv;
    }

    @Override
    public DmaDescriptor prepMemcpy(DmaChan chan, byte[] dst, byte[] src, int len) {
        int idx = priv.srcu.readLock();
        try {
            if (priv.regs == null) {
                return null;
            }
            return priv.rings[chan.chanId()].prepare(chan, dst, src, len);
        } finally {
            priv.srcu.readUnlock(idx);
        }
    }

    @Override
    public long txSubmit(DmaDescriptor desc) {
        int idx = priv.srcu.readLock();
        try {
            if (priv.regs == null) {
                return -Errno.ENODEV;
            }
            return priv.rings[desc.chan().chanId()].enqueue(desc);
        } finally {
            priv.srcu.readUnlock(idx);
        }
    }

    @Override
    public void issuePending(DmaChan chan) {
        int idx = priv.srcu.readLock();
        try {
            IoMem regs = priv.regs;
            if (regs == null) {
                return;
            }
            MemcpyRing ring = priv.rings[chan.chanId()];
            regs.writel((int) ring.lastCookie(), REG_DOORBELL + 4 * chan.chanId());
            ring.runPending();
        } finally {
            priv.srcu.readUnlock(idx);
        }
    }

    @Override
    public DmaStatus txStatus(DmaChan chan, long cookie) {
        int idx = priv.srcu.readLock();
        try {
            if (priv.regs == null) {
                return DmaStatus.ERROR;
            }
            return priv.rings[chan.chanId()].status(cookie);
        } finally {
            priv.srcu.readUnlock(idx);
        }
    }

    @Override
    public void freeChanResources(DmaChan chan) {
        // The rings are plain memory: dropping what was never started needs no device.
        priv.rings[chan.chanId()].clear();
    }
}
