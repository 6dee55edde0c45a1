package io.devmsan.kernel.devres;

import java.util.ArrayList;
import java.util.List;

/**
 * One device's list of managed resources ({@code dev->devres_head}): entries are released in
 * reverse order of registration, each exactly once.
 *
 * <p>{@link #releaseAll()} detaches the whole list under the lock and runs the release actions
 * outside it, so a release action may block (waiting for an interrupt handler, say) and another
 * thread may register a new entry meanwhile, which lands on the fresh list.
 */
public final class Devres {

    private final String deviceName;
    private final Object lock = new Object();
    private List<Entry> entries = new ArrayList<>();

    /** @param deviceName the owning device's name, for messages */
    public Devres(String deviceName) {
        this.deviceName = deviceName;
    }

    /**
     * {@code devres_add}: registers a release action.
     *
     * @param name what it releases, as the kernel's devres log names it ({@code "devm_kzalloc"})
     * @param release runs when the entry is released
     */
    public void add(String name, Runnable release) {
        synchronized (lock) {
            entries.add(new Entry(name, release));
        }
    }

    /**
     * {@code devm_remove_action}: forgets the entry whose release action is {@code release} (the
     * most recently added if several), without running it.
     *
     * @return true when an entry was removed
     */
    public boolean remove(Runnable release) {
        synchronized (lock) {
            for (int i = entries.size() - 1; i >= 0; i--) {
                if (entries.get(i).release == release) {
                    entries.remove(i);
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * {@code devres_release_all}: releases every entry, newest first.
     *
     * @return the number of entries released
     */
    public int releaseAll() {
        List<Entry> todo;
        synchronized (lock) {
            todo = entries;
            entries = new ArrayList<>();
        }
        RuntimeException first = null;
        for (int i = todo.size() - 1; i >= 0; i--) {
            try {
                todo.get(i).release.run();
            } catch (RuntimeException e) {
                // One broken release must not leak the rest; report the first failure afterwards.
                if (first == null) {
                    first = new IllegalStateException("devres release " + todo.get(i).name + " of "
                            + deviceName + " failed", e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
        return todo.size();
    }

    /** The names of the registered entries, oldest first (like the devres log). */
    public List<String> names() {
        synchronized (lock) {
            List<String> names = new ArrayList<>(entries.size());
            for (Entry entry : entries) {
                names.add(entry.name);
            }
            return names;
        }
    }

    /** The number of registered entries. */
    public int size() {
        synchronized (lock) {
            return entries.size();
        }
    }

    private static final class Entry {
        final String name;
        final Runnable release;

        Entry(String name, Runnable release) {
            this.name = name;
            this.release = release;
        }
    }

    @Override
    public String toString() {
        return "devres of " + deviceName + " " + names();
    }
}
