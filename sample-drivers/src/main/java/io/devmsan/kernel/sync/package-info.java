/**
 * Kernel synchronisation primitives on real {@code java.util.concurrent} machinery. Its main class
 * is {@link io.devmsan.kernel.sync.RwSemaphore}, the fence of the TPM pattern.
 *
 * <p>The primitives that fence unregister against file operations carry
 * {@link io.devmsan.annotations.Fence} marks: the read sides ({@code down_read},
 * {@code srcu_read_lock}, a successful active-reference get, {@code mutex_lock}) and the
 * synchronize sides ({@code down_write}, {@code synchronize_srcu}, kill-and-drain,
 * {@code mutex_lock} again). Like lockdep, they throw {@link java.lang.IllegalStateException} on a
 * misuse that would deadlock or corrupt the kernel (recursive locking, unlock by a non-owner,
 * refcount underflow) instead of hanging. Every blocking call has an interruptible or timed variant,
 * so that tests never hang forever.
 */
package io.devmsan.kernel.sync;
