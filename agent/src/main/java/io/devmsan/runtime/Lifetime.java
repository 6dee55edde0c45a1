package io.devmsan.runtime;

/**
 * An owner token: what the synthetic owner field of a {@code @ScopeOwned} object, or the companion
 * of a {@code @DevmScoped} field, points to. It is final and its liveness is one plain boolean so
 * that the inserted check is a monomorphic, inlinable field read.
 *
 * <p>A token is either a bind scope itself or a child of one, which carries the provenance of one
 * resource (where it was allocated or stored) and can die before its scope (freed early).
 */
final class Lifetime {

    /**
     * Written once, to true, by the thread that releases the scope or frees the resource. Read
     * plainly on the hot path: readers that synchronise with the releaser (as every fenced or
     * latched story does) see it; a racing reader may see it late, which is the race itself.
     */
    boolean dead;

    Lifetime() {
    }
}
