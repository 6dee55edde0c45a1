package io.devmsan.runtime;

import java.util.ArrayList;
import java.util.List;

/**
 * Classes the agent could not rewrite (they loaded unchanged): counted for the report, the
 * first {@value #KEPT} kept by name, each logged once.
 */
final class TransformFailures {

    static final int KEPT = 100;

    private final List<String[]> first = new ArrayList<>();
    private long count;

    TransformFailures() {
    }

    void record(String className, Throwable failure) {
        String name = className == null ? "<unnamed class>" : className;
        // One line: a VerifyError, say, carries lines of bytecode detail.
        String why = failure == null ? "unknown failure" : failure.toString().strip().replaceAll("\\s*\\R\\s*", " | ");
        synchronized (this) {
            count++;
            if (first.size() < KEPT) {
                first.add(new String[] {name, why});
            }
        }
        Log.warnOnce("transform:" + name, "cannot rewrite " + name + ", it loads unchanged: " + why);
    }

    synchronized long count() {
        return count;
    }

    /** Pairs of class name and failure, in the order they happened. */
    synchronized List<String[]> first() {
        return new ArrayList<>(first);
    }
}
