/**
 * The devmsan runtime: what rewritten code calls at run time. {@link io.devmsan.runtime.DevmsanRuntime}
 * is its main class and the only one rewritten code links against; {@link io.devmsan.runtime.Devmsan}
 * answers tests and runners (installed? which violations since a snapshot?);
 * {@link io.devmsan.runtime.AgentControl} is the agent's handle (install, canary passed, transform
 * failures); {@link io.devmsan.runtime.RuntimeConfig} configures reporting.
 *
 * <p>Owner tokens ({@code Lifetime}) die when their bind scope is released at unbind or when the
 * resource is freed; an access to a dead token becomes a {@link io.devmsan.runtime.Violation},
 * deduplicated by fingerprint, printed once in a KASAN-style block and written to a JSON report.
 */
package io.devmsan.runtime;
