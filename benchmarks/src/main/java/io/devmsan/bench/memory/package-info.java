/**
 * The memory harness ({@link io.devmsan.bench.memory.MemoryProbe}): heap the agent keeps per live
 * bind scope and per recorded violation, and whether a flood of identical violations grows it.
 * Run once with and once without the agent; the difference is the agent's.
 */
package io.devmsan.bench.memory;
