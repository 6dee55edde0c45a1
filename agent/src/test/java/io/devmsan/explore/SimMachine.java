package io.devmsan.explore;

import io.devmsan.runtime.DevmsanRuntime;
import io.devmsan.runtime.Lifetime;
import io.devmsan.runtime.Sites;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A tiny driver written the way rewritten and woven code looks: it calls the runtime's hooks where
 * the agent would insert them, so that the explorer can be tested without the agent. One device
 * with one piece of bind-scoped state, a file, a lock and an active-user count.
 */
final class SimMachine {

    private static final String FILE = "SimMachine.java";
    static final int PROBE = lifecycle("Bus", "probe", "probe");
    static final int UNBIND = lifecycle("Bus", "unbind", "unbind");
    static final int OPEN = lifecycle("File", "open", "open");
    static final int READ = lifecycle("File", "read", "read");
    static final int LOCK = lifecycle("Lock", "lock", "Fence.Enter");
    static final int UNLOCK = lifecycle("Lock", "unlock", "Fence.Exit");
    static final int GET = lifecycle("Ref", "tryGet", "Fence.Enter");
    static final int PUT = lifecycle("Ref", "put", "Fence.Exit");
    static final int DRAIN = lifecycle("Ref", "killAndDrain", "Fence.Synchronize");
    static final int ALLOC = Sites.register(Sites.Kind.ALLOCATION, "sim.State", "<init>", FILE, 20, "sim.State");
    static final int ACCESS = Sites.register(Sites.Kind.OWNED_FIELD_READ, "sim.State", "value", FILE, 42,
            "sim.State#value");

    private static final AtomicInteger IDS = new AtomicInteger();

    final Named device = new Named("sim." + IDS.getAndIncrement());
    final Named file = new Named("file of " + device);
    final Lock lock = new Lock();
    final Ref ref = new Ref();
    private volatile Lifetime stateOwner;
    private volatile boolean bound;
    /** Cleared by a removal under {@link #lock}: a fenced operation checks it under the same lock. */
    volatile boolean present = true;

    private static int lifecycle(String type, String method, String name) {
        return Sites.register(Sites.Kind.LIFECYCLE, "sim." + type, method, FILE, -1, name);
    }

    /** Boots with the device bound: its state belongs to the bind scope. */
    SimMachine() {
        DevmsanRuntime.probeEnter(device, PROBE);
        stateOwner = DevmsanRuntime.ownerForNew(this, ALLOC);
        DevmsanRuntime.probeExit(device, null, PROBE);
        bound = true;
    }

    /** An access to the bind-scoped state. */
    int readState() {
        DevmsanRuntime.checkOwned(stateOwner, ACCESS);
        return 7;
    }

    /** A file operation named after {@code site} around {@code body}. */
    void op(int site, Runnable body) {
        Object operations = DevmsanRuntime.operationEnter(file, site);
        try {
            body.run();
        } finally {
            DevmsanRuntime.operationExit(operations, site);
        }
    }

    /** The unbind: {@code remove} runs, then the scope is released. Once only. */
    synchronized void unbind(Runnable remove) {
        if (!bound) {
            return;
        }
        bound = false;
        DevmsanRuntime.unbindEnter(device, UNBIND);
        try {
            remove.run();
        } finally {
            DevmsanRuntime.unbindExit(device, null, UNBIND);
        }
    }

    /** A named object: the runtime only ever calls toString on model objects. */
    static final class Named {
        private final String name;

        Named(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** A mutex: both sides of a fence. */
    static final class Lock {
        private final ReentrantLock lock = new ReentrantLock();

        void lock() {
            DevmsanRuntime.fenceAttempt(this, LOCK);
            lock.lock();
            DevmsanRuntime.fenceSynchronize(this, LOCK);
            DevmsanRuntime.fenceEnter(this, LOCK);
        }

        void unlock() {
            lock.unlock();
            DevmsanRuntime.fenceExit(this, UNLOCK);
        }

        @Override
        public String toString() {
            return "sim lock";
        }
    }

    /** An active-user count that removal kills and drains. */
    static final class Ref {
        private final AtomicInteger users = new AtomicInteger();
        private final CountDownLatch drained = new CountDownLatch(1);
        private volatile boolean dead;

        boolean tryGet() {
            DevmsanRuntime.fenceAttempt(this, GET);
            if (dead) {
                return false;
            }
            users.incrementAndGet();
            DevmsanRuntime.fenceEnter(this, GET);
            return true;
        }

        void put() {
            if (users.decrementAndGet() == 0 && dead) {
                drained.countDown();
            }
            DevmsanRuntime.fenceExit(this, PUT);
        }

        void killAndDrain() {
            DevmsanRuntime.fenceAttempt(this, DRAIN);
            dead = true;
            if (users.get() == 0) {
                drained.countDown();
            }
            try {
                drained.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            DevmsanRuntime.fenceSynchronize(this, DRAIN);
        }

        @Override
        public String toString() {
            return "sim users";
        }
    }
}
