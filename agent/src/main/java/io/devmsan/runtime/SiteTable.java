package io.devmsan.runtime;

/**
 * Storage behind {@link Sites}: an append-only table of {@link Site}s in chunks of 1024, so that
 * growing never copies sites and readers never lock. Transformer threads register concurrently
 * (registration synchronizes); reports read by index from any thread.
 */
final class SiteTable {

    static final SiteTable INSTANCE = new SiteTable();

    private static final int CHUNK_BITS = 10;
    private static final int CHUNK_SIZE = 1 << CHUNK_BITS;
    private static final int CHUNK_MASK = CHUNK_SIZE - 1;

    /** Replaced (never mutated in place beyond filling null slots) when it must grow. */
    private volatile Site[][] chunks = new Site[16][];

    /** Written last by {@link #add}: a reader that sees it also sees the site it counts. */
    private volatile int size;

    SiteTable() {
    }

    /** Registers a site; see {@link Sites#register} for the arguments. */
    synchronized int add(Sites.Kind kind, String className, String methodName, String sourceFile,
            int line, String resource) {
        if (kind == null) {
            throw new IllegalArgumentException("Sites.register: kind is null; expected one of "
                    + java.util.Arrays.toString(Sites.Kind.values()));
        }
        if (className == null || className.isEmpty()) {
            throw new IllegalArgumentException("Sites.register: className is null or empty for a "
                    + kind + " site in method " + methodName + "; expected a binary class name");
        }
        if (methodName == null || methodName.isEmpty()) {
            throw new IllegalArgumentException("Sites.register: methodName is null or empty for a "
                    + kind + " site in class " + className + "; expected a method name");
        }
        // A lifecycle site without an operation name is named after its method (the annotations'
        // documented default), so that reports never print "null".
        String what = resource == null || resource.isEmpty() ? methodName : resource;
        int index = size;
        if (index == Integer.MAX_VALUE) {
            throw new IllegalStateException("Sites.register: site table is full at " + index + " sites");
        }
        Site[][] table = chunks;
        int chunk = index >>> CHUNK_BITS;
        if (chunk == table.length) {
            table = java.util.Arrays.copyOf(table, table.length * 2);
            chunks = table;
        }
        if (table[chunk] == null) {
            table[chunk] = new Site[CHUNK_SIZE];
        }
        table[chunk][index & CHUNK_MASK] = new Site(index, kind, className, methodName, sourceFile,
                line < 0 ? -1 : line, what);
        size = index + 1;
        return index;
    }

    /** The site at {@code index}, or {@link Site#UNKNOWN} when no such site was registered. */
    Site get(int index) {
        if (index < 0) {
            return Site.UNKNOWN;
        }
        Site site = lookup(index);
        if (site == null && index < size) {
            // The volatile read of size above orders us after the registration: look again.
            site = lookup(index);
        }
        return site == null ? Site.UNKNOWN : site;
    }

    /** How many sites are registered. */
    int size() {
        return size;
    }

    private Site lookup(int index) {
        Site[][] table = chunks;
        int chunk = index >>> CHUNK_BITS;
        if (chunk >= table.length) {
            return null;
        }
        Site[] sites = table[chunk];
        return sites == null ? null : sites[index & CHUNK_MASK];
    }
}
