package io.devmsan.agent;

import org.objectweb.asm.Type;

/**
 * The reflective calls whose call sites the agent rewrites: {@code java.lang.reflect.Field}'s
 * getters and setters (checked like the field access they perform) and the
 * {@code MethodHandles.Lookup} methods that make field handles (not checked: the first handle
 * made for an annotated field logs a warning, see docs/limits.md).
 *
 * <p>Each call is left in place: {@code Field.get} and {@code Field.set} are caller-sensitive, so
 * calling them from the runtime instead would change which class the access check sees. The
 * rewrite copies the arguments it needs, hands the copies to the runtime and lets the original
 * call run; see {@link ReflectiveCallRewriter}.
 */
final class ReflectiveCalls {

    static final String FIELD = "java/lang/reflect/Field";
    static final String LOOKUP = "java/lang/invoke/MethodHandles$Lookup";

    /** How the arguments of a rewritten call sit on the operand stack, and what the runtime gets. */
    enum Shape {
        /** {@code field.get*(target)}: [field, target]. */
        READ,
        /** {@code field.set(target, value)}: [field, target, value]. */
        WRITE_REFERENCE,
        /** {@code field.setInt(target, v)} and other one-slot primitives: [field, target, v]. */
        WRITE_NARROW,
        /** {@code field.setLong(target, v)} and {@code setDouble}: [field, target, v (two slots)]. */
        WRITE_WIDE,
        /** {@code lookup.findGetter(refc, name, type)} and kin: [lookup, refc, name, type]. */
        HANDLE_BY_NAME,
        /** {@code lookup.unreflectGetter(field)} and kin: [lookup, field]. */
        HANDLE_BY_FIELD
    }

    private ReflectiveCalls() {
    }

    /** Whether a method reference may be one of the calls, from its owner and name alone. */
    static boolean mayBe(String owner, String name) {
        if (FIELD.equals(owner)) {
            return name.startsWith("get") || name.startsWith("set");
        }
        return LOOKUP.equals(owner) && (name.startsWith("find") || name.startsWith("unreflect"));
    }

    /** The shape of an {@code INVOKEVIRTUAL owner.name descriptor}, or null when it is not rewritten. */
    static Shape of(String owner, String name, String descriptor) {
        if (FIELD.equals(owner)) {
            return fieldCall(name, descriptor);
        }
        if (LOOKUP.equals(owner)) {
            return lookupCall(name, descriptor);
        }
        return null;
    }

    private static Shape fieldCall(String name, String descriptor) {
        Type[] arguments = Type.getArgumentTypes(descriptor);
        boolean firstIsObject = arguments.length >= 1 && arguments[0].getSort() == Type.OBJECT
                && arguments[0].getInternalName().equals("java/lang/Object");
        if (!firstIsObject) {
            return null;
        }
        if (name.startsWith("get") && arguments.length == 1 && isAccessorName(name.substring(3))) {
            return Shape.READ;
        }
        if (!name.startsWith("set") || arguments.length != 2 || !isAccessorName(name.substring(3))) {
            return null;
        }
        switch (arguments[1].getSort()) {
            case Type.OBJECT:
                return "set".equals(name) ? Shape.WRITE_REFERENCE : null;
            case Type.LONG:
            case Type.DOUBLE:
                return Shape.WRITE_WIDE;
            default:
                return Shape.WRITE_NARROW;
        }
    }

    /** {@code get}/{@code set} followed by nothing or a primitive type's name. */
    private static boolean isAccessorName(String suffix) {
        switch (suffix) {
            case "":
            case "Boolean":
            case "Byte":
            case "Char":
            case "Short":
            case "Int":
            case "Long":
            case "Float":
            case "Double":
                return true;
            default:
                return false;
        }
    }

    private static Shape lookupCall(String name, String descriptor) {
        switch (name) {
            case "findGetter":
            case "findSetter":
            case "findVarHandle":
                return descriptor.startsWith("(Ljava/lang/Class;Ljava/lang/String;Ljava/lang/Class;)")
                        ? Shape.HANDLE_BY_NAME : null;
            case "unreflectGetter":
            case "unreflectSetter":
            case "unreflectVarHandle":
                return descriptor.startsWith("(Ljava/lang/reflect/Field;)") ? Shape.HANDLE_BY_FIELD : null;
            default:
                return null;
        }
    }
}
