package io.devmsan.runtime;

/**
 * The table of rewritten places, filled by the agent while it transforms classes and read when
 * something is reported. Rewritten code passes a site's index as an {@code int} constant, so the
 * hot path never touches this table.
 */
public final class Sites {

    /** What happens at a site. */
    public enum Kind {
        /** Read of a field of a scope-owned object. */
        OWNED_FIELD_READ,
        /** Write of a field of a scope-owned object. */
        OWNED_FIELD_WRITE,
        /** Entry of an instance method of a scope-owned object. */
        OWNED_CALL,
        /** Read of a {@code @DevmScoped} field. */
        SCOPED_READ,
        /** Write of a {@code @DevmScoped} field. */
        SCOPED_WRITE,
        /** Construction of a scope-owned object. */
        ALLOCATION,
        /** A lifecycle or fence method of the driver model. */
        LIFECYCLE
    }

    private Sites() {
    }

    /**
     * Registers a site and returns its index.
     *
     * @param kind what happens there
     * @param className binary name of the class whose code it is in, such as {@code a.b.C$1}
     * @param methodName the method's name
     * @param sourceFile the class's source file name, or null when unknown
     * @param line the source line, or -1 when unknown
     * @param resource what is accessed, such as {@code com.example.XyzContext#regs}, or for a
     *     lifecycle method the operation's name
     */
    public static int register(Kind kind, String className, String methodName, String sourceFile,
            int line, String resource) {
        return SiteTable.INSTANCE.add(kind, className, methodName, sourceFile, line, resource);
    }

    /**
     * Marks {@code site}, registered for a {@code @Lifecycle.FileOperation} method (or, with
     * {@code entryPoint}, a {@code @Lifecycle.EntryPoint} method), so that a report can find that
     * method on a call stack when the operation was not tracked.
     */
    public static void markOperation(int site, boolean entryPoint) {
        UntrackedOperations.mark(site, entryPoint ? OperationStack.ENTRY_POINT : OperationStack.FILE_OPERATION);
    }
}
