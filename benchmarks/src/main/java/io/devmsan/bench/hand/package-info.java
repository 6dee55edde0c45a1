/**
 * The bench driver of {@code io.devmsan.bench.driver} with hand-written lifetime checks and no
 * annotations: the limit a careful developer reaches, a plain {@code if (released) throw} (like
 * Netty's {@code ensureAccessible()}) at the entry of every method of an owned object and before
 * every read of a devm pointer. Main class {@link io.devmsan.bench.hand.HandDev}.
 */
package io.devmsan.bench.hand;
