/**
 * What a driver model tells devmsan: {@link io.devmsan.annotations.DevmScoped} fields and
 * {@link io.devmsan.annotations.ScopeOwned} types hold state owned by a bind scope,
 * {@link io.devmsan.annotations.Lifecycle} marks probe, unbind, devres, character devices and
 * entry points, and {@link io.devmsan.annotations.Fence} marks the primitives that fence
 * unregister. These annotations are the agent's only knowledge of the model.
 */
package io.devmsan.annotations;
