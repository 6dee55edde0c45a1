package io.devmsan.bench.driver;

/**
 * Counters the driver keeps in a devm allocation. Not {@code @ScopeOwned}: it is reached through a
 * {@code @DevmScoped} field, so only the read of that field is checked, not its own fields.
 */
public final class XyzStats {

    long ioctls;
    long reads;
    long wordsRead;
}
