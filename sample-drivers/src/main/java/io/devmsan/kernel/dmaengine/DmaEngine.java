package io.devmsan.kernel.dmaengine;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.core.Module;
import java.util.ArrayList;
import java.util.List;

/**
 * The dmaengine core ({@code drivers/dma/dmaengine.c}): providers register their
 * {@link DmaDevice}, consumers request and release channels.
 *
 * <p>A channel request pins the provider's module and takes a reference on its DMA device; it does
 * not, and cannot, keep the provider bound. Unregistering a device stops new requests; channels
 * that consumers hold stay in their hands and keep calling into the provider (the kernel warns and
 * goes on). Whether those calls are safe is up to the provider.
 */
public final class DmaEngine {

    /** {@code dma_list_mutex}. */
    private final Object lock = new Object();
    private final List<DmaDevice> devices = new ArrayList<>();

    /** A core with no device registered. */
    public DmaEngine() {
    }

    /**
     * {@code dma_async_device_register}: channels of {@code dd} can be requested from now on; the
     * registration holds the reference the device was created with.
     *
     * @return 0, or {@code -EBUSY} when already registered (here or elsewhere)
     */
    public int registerDevice(DmaDevice dd) {
        synchronized (lock) {
            if (dd.engine != null) {
                return -Errno.EBUSY;
            }
            dd.engine = this;
            dd.registered = true;
            devices.add(dd);
            return 0;
        }
    }

    /**
     * {@code dma_async_device_unregister}: no new channel requests; drops the registration's
     * reference. Clients keep their channels and their references.
     */
    public void unregisterDevice(DmaDevice dd) {
        synchronized (lock) {
            if (dd.engine != this || !dd.registered) {
                throw new IllegalStateException("dma_async_device_unregister of " + dd + ", which is not registered");
            }
            dd.registered = false;
            devices.remove(dd);
        }
        dd.put();
    }

    /**
     * {@code dma_request_chan} for memcpy: the least used channel of the first registered device
     * whose module can be pinned. The first client of a channel makes the provider allocate its
     * resources.
     *
     * @return the channel, or null when no device offers one
     */
    public DmaChan requestChannel() {
        synchronized (lock) {
            for (DmaDevice dd : devices) {
                Module owner = dd.owner();
                if (owner != null && !owner.tryGet()) {
                    continue;
                }
                DmaChan chan = leastUsed(dd);
                dd.get();
                if (chan.clientCount == 0 && ProviderCall.allocChanResources(dd.dev(), chan) < 0) {
                    dd.put();
                    if (owner != null) {
                        owner.put();
                    }
                    continue;
                }
                chan.clientCount++;
                return chan;
            }
            return null;
        }
    }

    /**
     * {@code dma_release_channel}: the last client of a channel makes the provider free its
     * resources; then the module and the device are let go.
     */
    public void releaseChannel(DmaChan chan) {
        DmaDevice dd = chan.device();
        synchronized (lock) {
            if (chan.clientCount <= 0) {
                throw new IllegalStateException("dma_release_channel of " + chan + ", which has no client");
            }
            chan.clientCount--;
            if (chan.clientCount == 0) {
                ProviderCall.freeChanResources(dd.dev(), chan);
            }
        }
        if (dd.owner() != null) {
            dd.owner().put();
        }
        dd.put();
    }

    /** The registered devices (diagnostics and tests). */
    public List<DmaDevice> devices() {
        synchronized (lock) {
            return List.copyOf(devices);
        }
    }

    /** Clients of {@code chan} (diagnostics and tests). */
    public int clients(DmaChan chan) {
        synchronized (lock) {
            return chan.clientCount;
        }
    }

    private static DmaChan leastUsed(DmaDevice dd) {
        DmaChan best = dd.channels().get(0);
        for (DmaChan chan : dd.channels()) {
            if (chan.clientCount < best.clientCount) {
                best = chan;
            }
        }
        return best;
    }
}
