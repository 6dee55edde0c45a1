/**
 * The agent: {@link io.devmsan.agent.DevmsanAgent} wires options, runtime and the transformer,
 * which decides per class whether anything needs checking and rewrites accesses to bind-scoped
 * state with ASM and the lifecycle methods with Byte Buddy advice.
 */
package io.devmsan.agent;
