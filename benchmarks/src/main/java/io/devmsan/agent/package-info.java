/**
 * Harnesses that drive the agent's package-private transformer directly (same package, loaded by
 * the same class loader as the agent jar, which a {@code -javaagent} appends to the class path):
 * {@link io.devmsan.agent.RewriteThroughput} times it over a large real jar,
 * {@link io.devmsan.agent.RewriteCensus} counts what it leaves untouched.
 */
package io.devmsan.agent;
