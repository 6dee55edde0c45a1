package io.devmsan.agent;

import io.devmsan.runtime.DevmsanRuntime;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Whether code defined by a class loader links to this agent's runtime. A rewritten class calls
 * {@code io.devmsan.runtime.DevmsanRuntime}; in a loader that does not delegate to the one that
 * holds the agent (an isolated plugin loader, say), that call would fail with
 * {@code NoClassDefFoundError} at run time, or reach a second copy of the runtime whose records
 * nobody reads. Classes of such loaders load unchanged. Answered once per loader.
 */
final class RuntimeVisibility {

    /** Weak keys: the answer never keeps an application's loader alive. */
    private final Map<ClassLoader, Boolean> byLoader = new WeakHashMap<>();

    boolean sees(ClassLoader loader) {
        synchronized (byLoader) {
            Boolean known = byLoader.get(loader);
            if (known != null) {
                return known;
            }
        }
        boolean sees = resolve(loader);
        synchronized (byLoader) {
            byLoader.put(loader, sees);
        }
        return sees;
    }

    private static boolean resolve(ClassLoader loader) {
        try {
            // Without initialising: only which class the name resolves to matters.
            return Class.forName(DevmsanRuntime.class.getName(), false, loader) == DevmsanRuntime.class;
        } catch (ClassNotFoundException | LinkageError | RuntimeException e) {
            return false;
        }
    }

    /** The loader as a log line names it. */
    static String describe(ClassLoader loader) {
        String name = loader.getName();
        return loader.getClass().getName() + (name != null ? " '" + name + "'" : "") + "@"
                + Integer.toHexString(System.identityHashCode(loader));
    }
}
