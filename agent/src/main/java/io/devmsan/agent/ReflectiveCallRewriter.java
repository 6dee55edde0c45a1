package io.devmsan.agent;

import io.devmsan.runtime.Sites;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites the call sites listed in {@link ReflectiveCalls} in one method: before the call, the
 * arguments the runtime needs are copied on the operand stack and handed to a static
 * {@code DevmsanRuntime} method; then the original call runs unchanged, with its own caller.
 * Every inserted sequence leaves the stack exactly as it found it and contains no branch, so the
 * method's stack map frames stay valid and no local is added.
 *
 * <p>It sits after {@link AccessMethodRewriter} in the visitor chain, so the constructor
 * simulation of {@code AdviceAdapter} never sees these stack-neutral sequences.
 */
final class ReflectiveCallRewriter extends MethodVisitor {

    private static final String FIELD_DESC = "Ljava/lang/reflect/Field;";
    private static final String CLASS_DESC = "Ljava/lang/Class;";

    private final RewriteContext context;
    private final AccessRewriter owner;
    private final String methodName;
    private int line = -1;

    ReflectiveCallRewriter(MethodVisitor next, String methodName, RewriteContext context, AccessRewriter owner) {
        super(Opcodes.ASM9, next);
        this.context = context;
        this.owner = owner;
        this.methodName = methodName;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitMethodInsn(int opcode, String callOwner, String name, String descriptor, boolean isInterface) {
        ReflectiveCalls.Shape shape = opcode == Opcodes.INVOKEVIRTUAL
                ? ReflectiveCalls.of(callOwner, name, descriptor) : null;
        if (shape != null) {
            insertCheck(shape, Names.dotted(callOwner).replace('$', '.') + "." + name);
            owner.markRewritten();
        }
        super.visitMethodInsn(opcode, callOwner, name, descriptor, isInterface);
    }

    private void insertCheck(ReflectiveCalls.Shape shape, String call) {
        boolean write = shape == ReflectiveCalls.Shape.WRITE_REFERENCE || shape == ReflectiveCalls.Shape.WRITE_NARROW
                || shape == ReflectiveCalls.Shape.WRITE_WIDE;
        // The site names the call; the runtime derives one site per field it reaches from it.
        int site = Sites.register(write ? Sites.Kind.OWNED_FIELD_WRITE : Sites.Kind.OWNED_FIELD_READ,
                context.className(), methodName, context.sourceFile, line, call);
        switch (shape) {
            case READ:                                                      // [field, target]
                super.visitInsn(Opcodes.DUP2);                              // [field, target, field, target]
                runtime(site, Names.REFLECTIVE_READ, "(" + FIELD_DESC + Names.OBJECT + "I)V"); // [field, target]
                break;
            case WRITE_REFERENCE:                                           // [field, target, value]
                super.visitInsn(Opcodes.DUP2_X1);                           // [target, value, field, target, value]
                runtime(site, Names.REFLECTIVE_WRITE,
                        "(" + FIELD_DESC + Names.OBJECT + Names.OBJECT + "I)" + FIELD_DESC); // [target, value, field]
                super.visitInsn(Opcodes.DUP_X2);                            // [field, target, value, field]
                super.visitInsn(Opcodes.POP);                               // [field, target, value]
                break;
            case WRITE_NARROW:                                              // [field, target, v]
                super.visitInsn(Opcodes.DUP_X2);                            // [v, field, target, v]
                super.visitInsn(Opcodes.POP);                               // [v, field, target]
                super.visitInsn(Opcodes.DUP2);                              // [v, field, target, field, target]
                runtime(site, Names.REFLECTIVE_WRITE_PRIMITIVE, "(" + FIELD_DESC + Names.OBJECT + "I)V"); // [v, field, target]
                super.visitInsn(Opcodes.DUP2_X1);                           // [field, target, v, field, target]
                super.visitInsn(Opcodes.POP2);                              // [field, target, v]
                break;
            case WRITE_WIDE:                                                // [field, target, vv]
                super.visitInsn(Opcodes.DUP2_X2);                           // [vv, field, target, vv]
                super.visitInsn(Opcodes.POP2);                              // [vv, field, target]
                super.visitInsn(Opcodes.DUP2);                              // [vv, field, target, field, target]
                runtime(site, Names.REFLECTIVE_WRITE_PRIMITIVE, "(" + FIELD_DESC + Names.OBJECT + "I)V"); // [vv, field, target]
                super.visitInsn(Opcodes.DUP2_X2);                           // [field, target, vv, field, target]
                super.visitInsn(Opcodes.POP2);                              // [field, target, vv]
                break;
            case HANDLE_BY_NAME:                                            // [lookup, refc, name, type]
                super.visitInsn(Opcodes.DUP2_X1);                           // [lookup, name, type, refc, name, type]
                runtime(site, Names.HANDLE_BY_NAME,
                        "(" + CLASS_DESC + "Ljava/lang/String;" + CLASS_DESC + "I)" + CLASS_DESC); // [lookup, name, type, refc]
                super.visitInsn(Opcodes.DUP_X2);                            // [lookup, refc, name, type, refc]
                super.visitInsn(Opcodes.POP);                               // [lookup, refc, name, type]
                break;
            case HANDLE_BY_FIELD:                                           // [lookup, field]
                super.visitInsn(Opcodes.DUP);                               // [lookup, field, field]
                runtime(site, Names.HANDLE_BY_FIELD, "(" + FIELD_DESC + "I)V"); // [lookup, field]
                break;
            default:
                throw new IllegalStateException("no rewrite for reflective call shape " + shape);
        }
    }

    /** Pushes the site and calls the runtime: [..., args] -> [..., result of the call]. */
    private void runtime(int site, String method, String descriptor) {
        super.visitLdcInsn(site);
        super.visitMethodInsn(Opcodes.INVOKESTATIC, Names.RUNTIME, method, descriptor, false);
    }
}
