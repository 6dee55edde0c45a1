package io.devmsan.runtime;

import java.lang.ref.PhantomReference;
import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Counts the dead owner tokens that the program may still reach, and keeps
 * {@link DevmsanRuntime#checking} in step with it: a check can only fail on a dead token (or
 * while the explorer or fence analysis is armed), and a token nobody can reach is never checked
 * again. So while no dead token is reachable, which is the whole run of a program that never
 * unbinds and most of a test suite's, every inserted check is one test of a static flag that C2
 * reads once per stretch of compiled code without a call; the token loads behind it are compiled
 * as an uncommon trap and not executed.
 *
 * <p>A token is counted from just before it dies ({@link Lifetime#kill}: a scope released, a
 * resource freed early) until the garbage collector has found it unreachable, which a phantom
 * reference tells. A child that dies with its scope is not counted on its own: it refers to its
 * scope, so while the child is reachable, so is the counted scope. The runtime itself keeps no
 * dead token reachable (a device record forgets its scope when it is released; the explorer and
 * the fence analysis hold some while armed, when every check runs anyway).
 *
 * <p>Collected tokens are reclaimed at the next lifecycle point (probe, unbind, devres, free,
 * cdev, open, fence): no thread of the agent's own waits on the queue, so that a program's
 * thread-leak checks never see one. Until then checks take their full path, which is only
 * slower, never wrong.
 */
final class DeadTokens {

    private static final Object LOCK = new Object();

    private static final ReferenceQueue<Lifetime> COLLECTED = new ReferenceQueue<>();

    /** The phantom references not yet enqueued, kept reachable so that the GC enqueues them. */
    private static final Set<Reference<Lifetime>> PENDING = Collections.newSetFromMap(new IdentityHashMap<>());

    private DeadTokens() {
    }

    /**
     * Just before {@code token} dies: checks take their full path from now on. Setting the flag
     * before the token's dead flag is written means that whoever sees the token dead (after
     * synchronising with the thread that killed it) sees the flag too.
     */
    static void dying(Lifetime token) {
        synchronized (LOCK) {
            PENDING.add(new PhantomReference<>(token, COLLECTED));
            DevmsanRuntime.checking = true;
        }
    }

    /** At a lifecycle point: forgets the tokens the GC has collected since. Cheap when there are none. */
    static void reclaim() {
        Reference<? extends Lifetime> collected = COLLECTED.poll();
        if (collected == null) {
            return;
        }
        synchronized (LOCK) {
            for (; collected != null; collected = COLLECTED.poll()) {
                PENDING.remove(collected);
            }
            recompute();
        }
    }

    /** After the armed flag changed, or tokens were reclaimed. */
    static void recompute() {
        synchronized (LOCK) {
            DevmsanRuntime.checking = DevmsanRuntime.armed || !PENDING.isEmpty();
        }
    }

    /** How many dead tokens may still be reachable (not yet reclaimed). */
    static int reachable() {
        synchronized (LOCK) {
            return PENDING.size();
        }
    }

    /** Whether checks take their full path; read reflectively by the benchmarks. */
    static boolean checking() {
        return DevmsanRuntime.checking;
    }
}
