/**
 * {@link io.devmsan.canary.Canary}, the class the agent's start-up self-check loads to prove that
 * rewriting works. It is the only class of the agent jar the agent rewrites.
 */
package io.devmsan.canary;
