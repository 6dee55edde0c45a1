package io.devmsan.bench.hand;

/**
 * A bind scope as a hand-written driver would track it: one plain flag, set once at unbind. Every
 * owned object holds its scope in a final field, so each check is two loads and a branch, like the
 * agent's (owner field, then {@code Lifetime.dead}).
 */
public final class HandScope {

    /** Plain, like {@code Lifetime.dead}: the checks compare equal memory semantics. */
    boolean released;

    public void release() {
        released = true;
    }

    /** The exception a check throws; out of line so that each check stays small. */
    static IllegalStateException useAfterUnbind() {
        return new IllegalStateException("use after unbind");
    }
}
