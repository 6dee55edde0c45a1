package io.devmsan.kernel.dmaengine;

/**
 * A prepared transfer ({@code struct dma_async_tx_descriptor}): a memory-to-memory copy on a
 * channel. The provider creates it in its prep callback and gives it a cookie when it is
 * submitted; the consumer polls the cookie's status.
 */
public final class DmaDescriptor {

    private final DmaChan chan;
    private final byte[] dst;
    private final byte[] src;
    private final int len;
    private volatile long cookie;

    /**
     * @param chan the channel it runs on
     * @param dst where the bytes go
     * @param src where they come from
     * @param len how many, at most the length of both arrays
     */
    public DmaDescriptor(DmaChan chan, byte[] dst, byte[] src, int len) {
        if (chan == null || dst == null || src == null || len < 0 || len > dst.length || len > src.length) {
            throw new IllegalArgumentException("dma descriptor needs a channel and " + len
                    + " bytes within both buffers");
        }
        this.chan = chan;
        this.dst = dst;
        this.src = src;
        this.len = len;
    }

    /** The channel. */
    public DmaChan chan() {
        return chan;
    }

    /** The destination buffer. */
    public byte[] dst() {
        return dst;
    }

    /** The source buffer. */
    public byte[] src() {
        return src;
    }

    /** The number of bytes to copy. */
    public int len() {
        return len;
    }

    /** The cookie assigned at submit, 0 before. */
    public long cookie() {
        return cookie;
    }

    /** {@code dma_cookie_assign}: the provider numbers the descriptor when it queues it. */
    public void setCookie(long cookie) {
        this.cookie = cookie;
    }

    @Override
    public String toString() {
        return "dma descriptor " + cookie + " on " + chan + " (" + len + " bytes)";
    }
}
