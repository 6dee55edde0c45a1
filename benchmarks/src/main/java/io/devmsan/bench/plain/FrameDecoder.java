package io.devmsan.bench.plain;

/**
 * Decodes length-prefixed frames out of a ring of words and keeps counters: work of the size of
 * one ioctl, in a class with no annotated member and no access to one. Under the agent it is loaded
 * unchanged (the benchmark's set-up checks that), so any difference to the no-agent fork is the
 * agent's indirect cost (class loading aside, there should be none).
 */
public final class FrameDecoder {

    private final int[] ring;
    private int head;
    private long frames;
    private long checksum;

    public FrameDecoder(int entries) {
        if (Integer.bitCount(entries) != 1) {
            throw new IllegalArgumentException("ring of " + entries + " entries; expected a power of two");
        }
        ring = new int[entries];
        for (int i = 0; i < entries; i++) {
            ring[i] = (i * 0x9E3779B9) ^ (i << 3);
        }
    }

    /** Decodes the next frame: a header word, then up to three payload words. */
    public long next(int salt) {
        int mask = ring.length - 1;
        int header = ring[head & mask] ^ salt;
        int length = (header & 3) + 1;
        long sum = header;
        for (int i = 1; i < length; i++) {
            sum = sum * 31 + ring[(head + i) & mask];
        }
        head += length;
        frames++;
        checksum += sum;
        return sum;
    }

    public long frames() {
        return frames;
    }
}
