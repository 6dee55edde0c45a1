package io.devmsan.runtime;

import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;

/**
 * A map keyed by object identity that holds its keys weakly: the runtime's records of devices,
 * character devices and files must never keep the model's objects alive, nor call their
 * {@code hashCode}/{@code equals} (which could be driver code touching freed state).
 *
 * <p>Values must not refer to their keys. Locks a private object only; used on cold paths.
 */
final class WeakIdentityMap<V> {

    private final Object lock = new Object();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final HashMap<Object, V> map = new HashMap<>();

    WeakIdentityMap() {
    }

    V get(Object key) {
        if (key == null) {
            return null;
        }
        synchronized (lock) {
            expunge();
            return map.get(new Probe(key));
        }
    }

    void put(Object key, V value) {
        synchronized (lock) {
            expunge();
            map.put(new Key(key, collected), value);
        }
    }

    /** The value for {@code key}, created by {@code create} (called under the lock) when absent. */
    V computeIfAbsent(Object key, java.util.function.Supplier<V> create) {
        synchronized (lock) {
            expunge();
            V value = map.get(new Probe(key));
            if (value == null) {
                value = create.get();
                map.put(new Key(key, collected), value);
            }
            return value;
        }
    }

    /** The keys still alive, in no particular order. */
    List<Object> keys() {
        synchronized (lock) {
            expunge();
            List<Object> keys = new ArrayList<>(map.size());
            for (Object key : map.keySet()) {
                Object referent = ((Key) key).get();
                if (referent != null) {
                    keys.add(referent);
                }
            }
            return keys;
        }
    }

    void clear() {
        synchronized (lock) {
            map.clear();
            expunge();
        }
    }

    int size() {
        synchronized (lock) {
            expunge();
            return map.size();
        }
    }

    private void expunge() {
        for (Object ref; (ref = collected.poll()) != null; ) {
            map.remove(ref);
        }
    }

    /** A stored key: equal to itself, and to a probe or key for the same live referent. */
    private static final class Key extends WeakReference<Object> {
        private final int hash;

        Key(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object other) {
            if (other == this) {
                return true;
            }
            Object referent = get();
            if (referent == null) {
                return false;
            }
            if (other instanceof Key) {
                return ((Key) other).get() == referent;
            }
            return other instanceof Probe && ((Probe) other).referent == referent;
        }
    }

    /** A look-up key: strong, short-lived, never stored. */
    private static final class Probe {
        private final Object referent;

        Probe(Object referent) {
            this.referent = referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key && ((Key) other).get() == referent;
        }
    }
}
