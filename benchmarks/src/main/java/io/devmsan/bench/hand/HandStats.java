package io.devmsan.bench.hand;

/** {@link io.devmsan.bench.driver.XyzStats}: plain counters, checked where they are reached. */
final class HandStats {

    long ioctls;
    long reads;
    long wordsRead;
}
