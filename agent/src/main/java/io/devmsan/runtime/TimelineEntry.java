package io.devmsan.runtime;

/**
 * One event of a device's lifecycle as a report shows it.
 *
 * @param tUs microseconds since the device's first event
 * @param thread name of the thread it happened on
 * @param event what happened: probe, probe-failed, cdev-add, open, open-failed, unregister,
 *     unbind-start, unbind-done, op-in-flight, entry-in-flight, access, and at full provenance
 *     op, entry, adopt, free, fence-enter, fence-exit, fence-synchronize
 * @param detail more about it, or null
 */
record TimelineEntry(long tUs, String thread, String event, String detail) implements Violation.TimelineEvent {

    /** One line of the text report: {@code   +120us    main      cdev-add xyz0}. */
    String toText() {
        String time = "+" + tUs + "us";
        return String.format("  %-9s %-9s %s%s", time, thread, event, detail == null ? "" : " " + detail);
    }
}
