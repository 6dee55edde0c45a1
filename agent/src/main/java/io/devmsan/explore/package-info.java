/**
 * Unbind everywhere: deterministic exploration of where an unbind, a cdev unregister or a device
 * removal can hit a story of user-space operations. The main class is
 * {@link io.devmsan.explore.UnbindExplorer}; {@link io.devmsan.explore.ExploreUnbind} runs it from a
 * JUnit 5 test. The explorer sees the driver only through the runtime's hooks
 * ({@code io.devmsan.runtime.ExplorerHooks}) and knows none of the model's classes. This package
 * belongs to the agent and is never rewritten. See docs/explorer.md.
 */
package io.devmsan.explore;
