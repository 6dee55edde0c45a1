package io.devmsan.samples.dmaengine;

import io.devmsan.kernel.dmaengine.DmaChan;
import io.devmsan.kernel.dmaengine.DmaDescriptor;
import io.devmsan.kernel.dmaengine.DmaStatus;
import java.util.ArrayDeque;

/**
 * One channel of a memory-to-memory copy engine, as the provider drivers of these samples keep
 * it: the queue of submitted descriptors, the cookies handed out and completed, and the engine
 * itself, which copies every queued descriptor when the queue is started. Thread-safe: consumers
 * share channels.
 */
public final class MemcpyRing {

    private final Object lock = new Object();
    private final ArrayDeque<DmaDescriptor> pending = new ArrayDeque<>();
    private long lastCookie;
    private long completedCookie;

    /** An idle channel. */
    public MemcpyRing() {
    }

    /** The largest copy one descriptor takes. */
    public static final int MAX_LEN = 1 << 16;

    /**
     * Takes a descriptor for a copy of {@code len} bytes on {@code chan} (from the channel's pool,
     * in a real engine).
     *
     * @return the descriptor, or null when the copy is larger than {@link #MAX_LEN}
     */
    public DmaDescriptor prepare(DmaChan chan, byte[] dst, byte[] src, int len) {
        return len > MAX_LEN ? null : new DmaDescriptor(chan, dst, src, len);
    }

    /** Queues {@code desc} and returns its new cookie. */
    public long enqueue(DmaDescriptor desc) {
        synchronized (lock) {
            long cookie = ++lastCookie;
            desc.setCookie(cookie);
            pending.add(desc);
            return cookie;
        }
    }

    /** Runs every queued copy, in order; returns the last completed cookie. */
    public long runPending() {
        synchronized (lock) {
            DmaDescriptor desc;
            while ((desc = pending.poll()) != null) {
                System.arraycopy(desc.src(), 0, desc.dst(), 0, desc.len());
                completedCookie = desc.cookie();
            }
            return completedCookie;
        }
    }

    /** {@code dma_cookie_status}: complete, in progress, or an error for a cookie never handed out. */
    public DmaStatus status(long cookie) {
        synchronized (lock) {
            if (cookie <= 0 || cookie > lastCookie) {
                return DmaStatus.ERROR;
            }
            return cookie <= completedCookie ? DmaStatus.COMPLETE : DmaStatus.IN_PROGRESS;
        }
    }

    /** The last cookie handed out. */
    public long lastCookie() {
        synchronized (lock) {
            return lastCookie;
        }
    }

    /** Drops the descriptors not started yet (the channel's last client left). */
    public void clear() {
        synchronized (lock) {
            pending.clear();
        }
    }
}
