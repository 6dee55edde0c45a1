package io.devmsan.runtime;

import java.lang.ref.WeakReference;
import java.util.ArrayList;

/**
 * The children of one open bind scope. Held weakly: a child is reachable from its owned object,
 * and when that object is collected nobody can access it any more, so the scope need not keep
 * the token (and its allocation stack) alive. Cleared references are dropped whenever the list
 * doubles, so memory follows the number of live owned objects, not the number ever allocated.
 *
 * <p>Locks only itself, a private object no driver code can see.
 */
final class ChildTokens {

    private ArrayList<WeakReference<Lifetime>> refs = new ArrayList<>();
    private int compactAt = 16;

    ChildTokens() {
    }

    /** Adds a child; false when the scope has already been released. */
    synchronized boolean add(Lifetime child) {
        if (refs == null) {
            return false;
        }
        if (refs.size() >= compactAt) {
            refs.removeIf(ref -> ref.get() == null);
            compactAt = Math.max(16, refs.size() * 2);
        }
        refs.add(new WeakReference<>(child));
        return true;
    }

    /** Closes the list (later adds fail) and kills every child still reachable. */
    void closeAndKillAll() {
        ArrayList<WeakReference<Lifetime>> taken;
        synchronized (this) {
            taken = refs;
            refs = null;
        }
        if (taken == null) {
            return;
        }
        for (WeakReference<Lifetime> ref : taken) {
            Lifetime child = ref.get();
            if (child != null) {
                child.markDead();
            }
        }
    }

    /** For tests: how many references are held (cleared ones included). */
    synchronized int held() {
        return refs == null ? 0 : refs.size();
    }
}
