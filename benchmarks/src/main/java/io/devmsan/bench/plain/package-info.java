/**
 * Code that touches nothing annotated: the agent must return its classes untouched, and it must
 * run at the same speed with and without the agent. Main class
 * {@link io.devmsan.bench.plain.FrameDecoder}.
 */
package io.devmsan.bench.plain;
