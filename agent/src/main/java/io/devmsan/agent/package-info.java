/**
 * The agent: {@link io.devmsan.agent.DevmsanAgent} wires options, runtime and the transformer,
 * which decides per class whether anything needs checking and rewrites accesses to bind-scoped
 * state and weaves the lifecycle hooks, both with ASM.
 */
package io.devmsan.agent;
