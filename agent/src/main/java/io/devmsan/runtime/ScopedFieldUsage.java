package io.devmsan.runtime;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Which {@code @DevmScoped} fields ever received a value while a bind scope was active. A scoped
 * field only ever written outside probes holds values that belong to no scope, so it is never
 * checked: usually the annotation sits on the wrong field (the long-lived holder instead of the
 * probe's state). At exit each such field of a loaded class gets one warning naming it, provided
 * the run saw a device at all (a JVM that never ran a driver has nothing to say about them).
 */
final class ScopedFieldUsage {

    /** At most this many fields are named at exit; the rest are counted in one more line. */
    static final int MAX_WARNINGS = 100;

    /** Field ({@code a.b.C#f}) to whether a value was stored into it in a probe. */
    private final Map<String, Boolean> fields = new ConcurrentHashMap<>();

    ScopedFieldUsage() {
    }

    /** The agent rewrote the class declaring {@code field}. */
    void declared(String field) {
        fields.putIfAbsent(field, Boolean.FALSE);
    }

    /** A value was stored into {@code field} while a bind scope was active on the storing thread. */
    void storedInScope(String field) {
        if (fields.get(field) != Boolean.TRUE) {
            fields.put(field, Boolean.TRUE);
        }
    }

    /** Declared fields never stored in a bind scope, sorted. */
    List<String> neverStoredInScope() {
        List<String> never = new ArrayList<>();
        fields.forEach((field, stored) -> {
            if (!stored) {
                never.add(field);
            }
        });
        Collections.sort(never);
        return never;
    }

    /** Logs one warning per field never stored in a bind scope, when {@code sawDevices}. */
    void warnAtExit(boolean sawDevices) {
        if (!sawDevices) {
            return;
        }
        List<String> never = neverStoredInScope();
        for (int i = 0; i < never.size() && i < MAX_WARNINGS; i++) {
            Log.warnOnce("never-stored:" + never.get(i), "@DevmScoped field " + never.get(i)
                    + " never received a value while a bind scope was active, so none of its reads were"
                    + " checked; annotate the field that holds state allocated in probe, or store it in probe");
        }
        if (never.size() > MAX_WARNINGS) {
            Log.warn((never.size() - MAX_WARNINGS) + " more @DevmScoped fields never received a value while a"
                    + " bind scope was active");
        }
    }
}
