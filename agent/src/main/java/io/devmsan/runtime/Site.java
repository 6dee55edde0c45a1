package io.devmsan.runtime;

/**
 * One rewritten place, as the agent registered it. Immutable apart from the two fingerprints,
 * which are computed on first use and cached because a hot violation is counted many times and
 * must not hash on every occurrence.
 */
final class Site {

    /** Stands in for an index that was never registered, so that a report never fails on it. */
    static final Site UNKNOWN = new Site(-1, Sites.Kind.LIFECYCLE, "unknown", "unknown", null, -1,
            "unknown");

    final int index;
    final Sites.Kind kind;
    final String className;
    final String methodName;
    final String sourceFile;
    final int line;
    final String resource;

    // Benign races: two threads may both compute the same string.
    private volatile String unbindFingerprint;
    private volatile String freeFingerprint;

    Site(int index, Sites.Kind kind, String className, String methodName, String sourceFile, int line,
            String resource) {
        this.index = index;
        this.kind = kind;
        this.className = className;
        this.methodName = methodName;
        this.sourceFile = sourceFile;
        this.line = line;
        this.resource = resource;
    }

    /** The fingerprint of a violation of {@code rule} at this site. */
    String fingerprint(String rule) {
        boolean free = Rules.USE_AFTER_FREE.equals(rule);
        if (!free && !Rules.USE_AFTER_UNBIND.equals(rule)) {
            // The explorer's and the fence analysis's rules are rare: not cached.
            return Fingerprint.of(rule, resource, className, methodName);
        }
        String cached = free ? freeFingerprint : unbindFingerprint;
        if (cached != null) {
            return cached;
        }
        String computed = Fingerprint.of(rule, resource, className, methodName);
        if (free) {
            freeFingerprint = computed;
        } else if (Rules.USE_AFTER_UNBIND.equals(rule)) {
            unbindFingerprint = computed;
        }
        return computed;
    }

    /** The access kind a violation at this site reports: read, write or call. */
    String accessKind() {
        switch (kind) {
            case OWNED_FIELD_READ:
            case SCOPED_READ:
                return "read";
            case OWNED_FIELD_WRITE:
            case SCOPED_WRITE:
                return "write";
            default:
                return "call";
        }
    }

    /** Like a stack frame: {@code a.b.C.m(C.java:42)}. */
    String location() {
        String file = sourceFile == null ? "Unknown Source" : sourceFile;
        return className + "." + methodName + "(" + (line >= 0 ? file + ":" + line : file) + ")";
    }

    @Override
    public String toString() {
        return "site " + index + " " + kind + " " + resource + " at " + location();
    }
}
