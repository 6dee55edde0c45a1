package io.devmsan.bench.driver;

import io.devmsan.annotations.ScopeOwned;

/**
 * A memory-mapped I/O region ({@code void __iomem *}), owned by devres only when
 * {@link BenchBus#devmIoremap} adopts it. {@link #readl} is the innermost call of the read loop:
 * under the agent it carries an entry check and a check of its field read, both of which C2 must
 * inline and hoist for the loop to run at the speed of the unchecked one.
 */
@ScopeOwned(ScopeOwned.Ownership.ADOPTED)
public final class IoRegion {

    private final int[] words;

    IoRegion(int words) {
        if (Integer.bitCount(words) != 1) {
            throw new IllegalArgumentException("I/O region of " + words + " words; expected a power of two");
        }
        this.words = new int[words];
        for (int i = 0; i < words; i++) {
            this.words[i] = i * 0x9E3779B9;
        }
    }

    /** {@code readl()}: the register at word offset {@code offset}, wrapped into the region. */
    public int readl(int offset) {
        return words[offset & (words.length - 1)];
    }

    /** {@code writel()}. */
    public void writel(int offset, int value) {
        words[offset & (words.length - 1)] = value;
    }

    public int size() {
        return words.length;
    }
}
