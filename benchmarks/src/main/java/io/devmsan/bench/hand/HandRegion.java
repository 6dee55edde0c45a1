package io.devmsan.bench.hand;

/** {@link io.devmsan.bench.driver.IoRegion} with a hand-written check at each method entry. */
public final class HandRegion {

    private final HandScope scope;
    private final int[] words;

    HandRegion(HandScope scope, int words) {
        if (Integer.bitCount(words) != 1) {
            throw new IllegalArgumentException("I/O region of " + words + " words; expected a power of two");
        }
        this.scope = scope;
        this.words = new int[words];
        for (int i = 0; i < words; i++) {
            this.words[i] = i * 0x9E3779B9;
        }
    }

    public int readl(int offset) {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        return words[offset & (words.length - 1)];
    }

    public void writel(int offset, int value) {
        if (scope.released) {
            throw HandScope.useAfterUnbind();
        }
        words[offset & (words.length - 1)] = value;
    }
}
