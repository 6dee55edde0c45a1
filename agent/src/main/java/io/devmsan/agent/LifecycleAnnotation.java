package io.devmsan.agent;

import java.util.HashMap;
import java.util.Map;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.Opcodes;

/**
 * One lifecycle or fence annotation of a method, as the class file states it: passes it on
 * unchanged and keeps the values written out; {@link #value} falls back on the annotation type's
 * default for the others.
 */
final class LifecycleAnnotation extends AnnotationVisitor {

    final LifecycleHook hook;
    private final Map<String, Object> values = new HashMap<>();

    LifecycleAnnotation(LifecycleHook hook, AnnotationVisitor next) {
        super(Opcodes.ASM9, next);
        this.hook = hook;
    }

    @Override
    public void visit(String name, Object value) {
        values.put(name, value);
        super.visit(name, value);
    }

    @Override
    public void visitEnum(String name, String descriptor, String value) {
        values.put(name, value);
        super.visitEnum(name, descriptor, value);
    }

    /** An int property (a position). */
    int position(String property) {
        Object value = value(property);
        if (!(value instanceof Integer)) {
            throw new IllegalArgumentException("it cannot be read (" + property + " = " + value + ", not an int)");
        }
        return (Integer) value;
    }

    /** A String property. */
    String text(String property) {
        return String.valueOf(value(property));
    }

    /** An enum property, by its constant's name. */
    String constant(String property) {
        Object value = value(property);
        return value instanceof Enum ? ((Enum<?>) value).name() : String.valueOf(value);
    }

    private Object value(String property) {
        Object value = values.get(property);
        return value != null ? value : hook.defaultValue(property);
    }
}
