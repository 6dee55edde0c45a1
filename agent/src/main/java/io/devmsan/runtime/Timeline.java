package io.devmsan.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * The recent lifecycle of one device: a ring of the last {@value #CAPACITY} events, so that a
 * report can show what happened before the access without memory growing with uptime. Times are
 * microseconds since the device's first event (even when that event has left the ring).
 *
 * <p>Locks only itself, a private object; callers never hold a model lock on our behalf.
 */
final class Timeline {

    static final int CAPACITY = 64;

    private final Event[] ring = new Event[CAPACITY];
    private long added;
    private long originNanos;

    Timeline() {
    }

    /** Appends an event on the current thread; {@code detail} may be null. */
    void add(String kind, String detail) {
        add(kind, detail, null);
    }

    /**
     * Appends an event whose detail is {@code what + " on " + where}, joined only when a report
     * copies it: at full provenance this runs on every file operation.
     */
    void add(String kind, String what, String where) {
        String thread = Thread.currentThread().getName();
        long now = System.nanoTime();
        synchronized (this) {
            if (added == 0) {
                originNanos = now;
            }
            ring[(int) (added % CAPACITY)] = new Event(kind, thread, now, what, where);
            added++;
        }
    }

    /** The events in the ring, oldest first. */
    synchronized List<TimelineEntry> copy() {
        int count = (int) Math.min(added, CAPACITY);
        List<TimelineEntry> entries = new ArrayList<>(count);
        for (long i = added - count; i < added; i++) {
            Event event = ring[(int) (i % CAPACITY)];
            long micros = Math.max(0, (event.nanos - originNanos) / 1000);
            entries.add(new TimelineEntry(micros, event.thread, event.kind, event.detail()));
        }
        return List.copyOf(entries);
    }

    private static final class Event {
        final String kind;
        final String thread;
        final long nanos;
        final String what;
        final String where;

        Event(String kind, String thread, long nanos, String what, String where) {
            this.kind = kind;
            this.thread = thread;
            this.nanos = nanos;
            this.what = what;
            this.where = where;
        }

        String detail() {
            return where == null ? what : what + " on " + where;
        }
    }
}
