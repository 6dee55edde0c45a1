package io.devmsan.runtime;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.concurrent.atomic.LongAdder;

/**
 * Every violation of the run, deduplicated by fingerprint: the first occurrence keeps the
 * details, later ones only count. At most {@code capacity} fingerprints are kept (10,000 in
 * production); occurrences of further ones are counted as overflow, so memory stays bounded
 * however long a buggy program runs.
 *
 * <p>Lock-free for callers: a repeated violation is one map read and one {@link LongAdder}
 * increment, which many threads hitting the same bug do not contend on. No model lock and no
 * lock of ours is held while driver code (a {@code toString()}) runs: details are built before
 * the map is touched.
 */
final class Recorder {

    static final int MAX_DISTINCT = 10_000;

    private final int capacity;
    private final ConcurrentHashMap<String, Entry> byFingerprint = new ConcurrentHashMap<>();
    /** Entries in the order first seen; an entry's index is its slot here and in snapshots. */
    private final AtomicReferenceArray<Entry> inOrder;
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final LongAdder overflow = new LongAdder();

    Recorder(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("recorder capacity " + capacity + " must be at least 1");
        }
        this.capacity = capacity;
        this.inOrder = new AtomicReferenceArray<>(capacity);
    }

    /** Counts one more occurrence of a known fingerprint; returns its first occurrence, or null. */
    RecordedViolation countIfKnown(String fingerprint) {
        Entry entry = byFingerprint.get(fingerprint);
        if (entry == null) {
            return null;
        }
        entry.count.increment();
        return entry.first;
    }

    /** True when no new fingerprint can be kept: new ones go to the overflow count. */
    boolean full() {
        return nextIndex.get() >= capacity;
    }

    void countOverflow() {
        overflow.increment();
    }

    /**
     * Records one occurrence of {@code violation}. Returns it when it is the first of its
     * fingerprint, the earlier first occurrence when another thread won the race, or null when
     * the recorder is full (then the occurrence is counted as overflow).
     */
    RecordedViolation record(RecordedViolation violation) {
        Entry entry = byFingerprint.computeIfAbsent(violation.fingerprint(), fingerprint -> {
            if (nextIndex.get() >= capacity) {
                return null;
            }
            int index = nextIndex.getAndIncrement();
            if (index >= capacity) {
                return null;
            }
            Entry created = new Entry(violation);
            inOrder.set(index, created);
            return created;
        });
        if (entry == null) {
            overflow.increment();
            return null;
        }
        entry.count.increment();
        return entry.first;
    }

    /** Occurrences so far per fingerprint index. */
    long[] counts() {
        int size = size();
        long[] counts = new long[size];
        for (int i = 0; i < size; i++) {
            Entry entry = inOrder.get(i);
            counts[i] = entry == null ? 0 : entry.count.sum();
        }
        return counts;
    }

    /** Violations whose count grew since {@code base}, in first-seen order, counting the growth. */
    List<Violation> since(long[] base) {
        List<Violation> grown = new ArrayList<>();
        int size = size();
        for (int i = 0; i < size; i++) {
            Entry entry = inOrder.get(i);
            if (entry == null) {
                continue;
            }
            long growth = entry.count.sum() - (i < base.length ? base[i] : 0);
            if (growth > 0) {
                grown.add(entry.first.withCount(growth));
            }
        }
        return grown;
    }

    /** Every violation with its total count, in first-seen order. */
    List<RecordedViolation> all() {
        List<RecordedViolation> all = new ArrayList<>();
        int size = size();
        for (int i = 0; i < size; i++) {
            Entry entry = inOrder.get(i);
            if (entry != null) {
                all.add(entry.first.withCount(entry.count.sum()));
            }
        }
        return all;
    }

    /** Occurrences of fingerprints that did not fit. */
    long overflow() {
        return overflow.sum();
    }

    /** All occurrences counted, overflow included: the flusher's cue that something changed. */
    long total() {
        long total = overflow.sum();
        int size = size();
        for (int i = 0; i < size; i++) {
            Entry entry = inOrder.get(i);
            if (entry != null) {
                total += entry.count.sum();
            }
        }
        return total;
    }

    private int size() {
        return Math.min(nextIndex.get(), capacity);
    }

    private static final class Entry {
        final RecordedViolation first;
        final LongAdder count = new LongAdder();

        Entry(RecordedViolation first) {
            this.first = first;
        }
    }
}
