package io.devmsan.runtime;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.List;

/**
 * An owner token: what the synthetic owner field of a {@code @ScopeOwned} object, or the companion
 * of a {@code @DevmScoped} field, points to. It is final and its liveness is one plain boolean so
 * that the inserted check is a monomorphic, inlinable field read.
 *
 * <p>A token is either a bind scope itself or a child of one, which carries the provenance of one
 * resource (where it was allocated or stored) and can die before its scope (freed early).
 *
 * <p>Public only so that rewritten classes can declare their token fields with this exact type:
 * a field typed {@code Object} would cost a type check at every access. It has no public member.
 */
public final class Lifetime {

    /** Release-store after {@link #release} is set, acquire-load on the cold path before reading it. */
    private static final VarHandle DEAD;

    static {
        try {
            DEAD = MethodHandles.lookup().findVarHandle(Lifetime.class, "dead", boolean.class);
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * Written once, to true, by the thread that releases the scope or frees the resource. Read
     * plainly on the hot path: readers that synchronise with the releaser (as every fenced or
     * latched story does) see it; a racing reader may see it late, which is the race itself.
     */
    boolean dead;

    /** The bind scope this token belongs to; null when this token is the scope. */
    final Lifetime parent;

    /** The device whose bind scope this is (or belongs to). */
    final DeviceRecord device;

    /** Which bind of the device: 1 for the first probe, 2 after a re-probe, ... */
    final int generation;

    /** How the resource came to be owned. */
    final Origin origin;

    /** The thread that opened the scope or allocated, stored or adopted the resource. */
    final String thread;

    /** The probe's stack (scope) or the allocation stack (child); may be empty. */
    final List<String> stack;

    /** Why the token died; null while alive, and null in a child that died with its scope. */
    private volatile Release release;

    /** The scope's live children, so that release can kill them; null once released, and in children. */
    private volatile ChildTokens children;

    private Lifetime(Lifetime parent, DeviceRecord device, int generation, Origin origin, String thread,
            List<String> stack) {
        this.parent = parent;
        this.device = device;
        this.generation = generation;
        this.origin = origin;
        this.thread = thread;
        this.stack = stack;
    }

    /** A new, open bind scope. */
    static Lifetime scope(DeviceRecord device, int generation, List<String> probeStack) {
        Lifetime scope = new Lifetime(null, device, generation, Origin.PROBE,
                Thread.currentThread().getName(), probeStack);
        scope.children = new ChildTokens();
        return scope;
    }

    /**
     * A child of this scope carrying one resource's provenance. When the scope has already been
     * released the child is born dead, so that a late registration cannot outlive its scope.
     */
    Lifetime child(Origin origin, List<String> allocationStack) {
        Lifetime scope = scope();
        Lifetime child = new Lifetime(scope, scope.device, scope.generation, origin,
                Thread.currentThread().getName(), allocationStack);
        ChildTokens list = scope.children;
        if (list == null || !list.add(child)) {
            child.markDead();
        }
        return child;
    }

    /** A token born dead, replacing this (shared) scope token in one freed object. */
    Lifetime deadReplacement(Release why) {
        Lifetime scope = scope();
        Lifetime replacement = new Lifetime(scope, scope.device, scope.generation, scope.origin,
                scope.thread, List.of());
        replacement.kill(why);
        return replacement;
    }

    /** The bind scope: this token or its parent. */
    Lifetime scope() {
        return parent == null ? this : parent;
    }

    boolean isScope() {
        return parent == null;
    }

    /** Acquire read of {@link #dead}: a true here makes the matching {@link #release()} visible. */
    boolean isDead() {
        return (boolean) DEAD.getAcquire(this);
    }

    /** Why this token died (its own release, else its scope's), or null while alive. */
    Release release() {
        Release own = release;
        if (own != null || parent == null) {
            return own;
        }
        return parent.release;
    }

    /** The allocation stack for reports: the token's own, else the probe stack of its scope. */
    List<String> allocationStack() {
        return !stack.isEmpty() || parent == null ? stack : parent.stack;
    }

    /** Kills this token alone (an early free), recording why. */
    void kill(Release why) {
        DeadTokens.dying(this);
        release = why;
        DEAD.setRelease(this, true);
    }

    /** Releases a scope: it and every live child die; the child list is dropped. */
    void releaseScope(Release why) {
        kill(why);
        ChildTokens list = children;
        children = null;
        if (list != null) {
            list.closeAndKillAll();
        }
    }

    /** For tests: how many child references the open scope holds. */
    int childrenHeld() {
        ChildTokens list = children;
        return list == null ? 0 : list.held();
    }

    /** A child dying with its scope keeps no release of its own: it reports the scope's. */
    void markDead() {
        DEAD.setRelease(this, true);
    }

    /** How a resource came to belong to a bind scope; labels head the allocation stack in reports. */
    enum Origin {
        PROBE("Bind scope opened in probe"),
        ALLOCATED("Allocated in probe"),
        STORED("Stored in probe"),
        ADOPTED("Adopted by devres");

        final String label;

        Origin(String label) {
            this.label = label;
        }
    }
}
