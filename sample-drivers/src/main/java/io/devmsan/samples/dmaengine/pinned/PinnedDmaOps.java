package io.devmsan.samples.dmaengine.pinned;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.kernel.dmaengine.DmaChan;
import io.devmsan.kernel.dmaengine.DmaDescriptor;
import io.devmsan.kernel.dmaengine.DmaDeviceOps;
import io.devmsan.kernel.dmaengine.DmaStatus;
import io.devmsan.samples.dmaengine.MemcpyRing;

/**
 * The provider's callbacks. Each one goes straight to the private data: the driver counts on the
 * module reference consumers hold to keep it safe, and nothing else checks whether it is still
 * bound.
 */
final class PinnedDmaOps implements DmaDeviceOps {

    /** The private data; it belongs to the bind. */
    @DevmScoped
    PinnedDmaPriv priv;

    @Override
    public DmaDescriptor prepMemcpy(DmaChan chan, byte[] dst, byte[] src, int len) {
        MemcpyRing ring = priv.rings[chan.chanId()]; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        return ring.prepare(chan, dst, src, len);
    }

    @Override
    public long txSubmit(DmaDescriptor desc) {
        MemcpyRing ring = priv.rings[desc.chan().chanId()]; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        return ring.enqueue(desc);
    }

    @Override
    public void issuePending(DmaChan chan) {
        MemcpyRing ring = priv.rings[chan.chanId()]; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        ring.runPending();
    }

    @Override
    public DmaStatus txStatus(DmaChan chan, long cookie) {
        MemcpyRing ring = priv.rings[chan.chanId()]; // devmsan: expect use-after-unbind, unbind-race, unfenced-access
        return ring.status(cookie);
    }

    @Override
    public void freeChanResources(DmaChan chan) {
        MemcpyRing ring = priv.rings[chan.chanId()]; // devmsan: expect use-after-unbind, unbind-race
        ring.clear();
    }
}
