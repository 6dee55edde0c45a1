package io.devmsan.bench.memory;

/**
 * What each generated leak class implements: a {@code @DevmScoped} field written in probe and read
 * after unbind, each class a distinct violation site (so a distinct fingerprint).
 */
public interface Leak {

    void store(Object value);

    Object read();
}
