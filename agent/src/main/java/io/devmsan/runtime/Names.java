package io.devmsan.runtime;

/**
 * Names the model's objects for reports. {@code toString()} is the only method of a model object
 * the runtime ever calls, only on cold paths, and never trusted: it may throw, recurse, or touch
 * freed state, so any failure falls back to the class name and identity hash.
 */
final class Names {

    private static final int MAX_LENGTH = 200;

    /** Set while this thread is inside a model's toString, so that nested naming does not recurse. */
    private static final ThreadLocal<boolean[]> NAMING = ThreadLocal.withInitial(() -> new boolean[1]);

    private Names() {
    }

    /** The object's toString(), or its class and identity hash when that fails. */
    static String of(Object object) {
        if (object == null) {
            return "null";
        }
        boolean[] naming = NAMING.get();
        if (naming[0]) {
            return identity(object);
        }
        naming[0] = true;
        try {
            String text = object.toString();
            if (text == null || text.isEmpty()) {
                return identity(object);
            }
            return text.length() > MAX_LENGTH ? text.substring(0, MAX_LENGTH) + "..." : text;
        } catch (Throwable failure) {
            // Includes DevmsanViolationError from a toString touching freed state under THROW.
            return identity(object);
        } finally {
            naming[0] = false;
        }
    }

    /** {@code a.b.C@1f2e3d}: never calls the object. */
    static String identity(Object object) {
        return object.getClass().getName() + "@" + Integer.toHexString(System.identityHashCode(object));
    }
}
