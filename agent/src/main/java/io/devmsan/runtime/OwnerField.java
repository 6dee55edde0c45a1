package io.devmsan.runtime;

import io.devmsan.annotations.ScopeOwned;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;

/**
 * Finds the synthetic {@code devmsan$owner} field that the agent adds to the root
 * {@code @ScopeOwned} class of a hierarchy, so that devres adoption and frees (cold paths) can
 * read and replace an object's owner token. Cached per class.
 */
final class OwnerField {

    /** The field's name, as the transformer declares it. */
    static final String NAME = "devmsan$owner";

    private static final ClassValue<Field> FIELDS = new ClassValue<>() {
        @Override
        protected Field computeValue(Class<?> type) {
            return find(type);
        }
    };

    private OwnerField() {
    }

    /** The owner field of {@code type} (declared on it or a superclass), or null. */
    static Field of(Class<?> type) {
        return FIELDS.get(type);
    }

    /** The token {@code object} holds, or null when it has no owner field or no token. */
    static Lifetime read(Object object) {
        Field field = of(object.getClass());
        if (field == null) {
            return null;
        }
        try {
            Object value = field.get(object);
            return value instanceof Lifetime ? (Lifetime) value : null;
        } catch (IllegalAccessException e) {
            return null; // cannot happen: only accessible fields are cached
        }
    }

    /** Stores {@code token}; false when {@code object} has no usable owner field. */
    static boolean write(Object object, Lifetime token) {
        Field field = of(object.getClass());
        if (field == null) {
            return false;
        }
        try {
            field.set(object, token);
            return true;
        } catch (IllegalAccessException e) {
            return false;
        }
    }

    /** True when {@code type} or a superclass carries {@code @ScopeOwned} (which subclasses inherit). */
    static boolean isScopeOwned(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getSuperclass()) {
            if (c.isAnnotationPresent(ScopeOwned.class)) {
                return true;
            }
        }
        return false;
    }

    private static Field find(Class<?> type) {
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            Field field;
            try {
                field = c.getDeclaredField(NAME);
            } catch (NoSuchFieldException e) {
                continue;
            } catch (LinkageError | SecurityException e) {
                Log.warnOnce("owner-field:" + type.getName(), "cannot inspect " + type.getName()
                        + " for its " + NAME + " field: " + e);
                return null;
            }
            if (Modifier.isStatic(field.getModifiers()) || field.getType() != Lifetime.class) {
                Log.warnOnce("owner-field:" + type.getName(), c.getName() + "." + NAME
                        + " is not an instance field of type Lifetime; ignoring it");
                return null;
            }
            if (!field.trySetAccessible()) {
                Log.warnOnce("owner-field:" + type.getName(), c.getName() + "." + NAME
                        + " is not accessible to devmsan (is its package open?); its objects are not tracked");
                return null;
            }
            return field;
        }
        return null;
    }
}
