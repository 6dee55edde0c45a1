package io.devmsan.agent;

import java.util.Map;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Rewrites one class: adds the owner field (root {@code @ScopeOwned} class) and the companion of
 * each {@code @DevmScoped} field it declares, and hands every method to
 * {@link AccessMethodRewriter}, which inserts the checks, and {@link ReflectiveCallRewriter}, which
 * prepares reflective field accesses. See docs/how-it-works.md for each rewrite
 * as before/after Java.
 */
final class AccessRewriter extends ClassVisitor {

    private final RewriteContext context;
    private boolean rewroteSomething;

    AccessRewriter(ClassVisitor next, RewriteContext context) {
        super(Opcodes.ASM9, next);
        this.context = context;
    }

    /** Whether any member or instruction was added. */
    boolean rewroteSomething() {
        return rewroteSomething;
    }

    void markRewritten() {
        rewroteSomething = true;
    }

    @Override
    public void visitSource(String source, String debug) {
        context.sourceFile = source;
        super.visitSource(source, debug);
    }

    @Override
    public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
            String[] exceptions) {
        MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
        if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || next == null) {
            return next;
        }
        // Reflective call sites are rewritten after the access checks, outside AdviceAdapter's view.
        MethodVisitor reflective = new ReflectiveCallRewriter(next, name, context, this);
        return new AccessMethodRewriter(reflective, access, name, descriptor, context, this);
    }

    @Override
    public void visitEnd() {
        TypeFacts self = context.self;
        for (Map.Entry<String, String> field : self.scopedFields.entrySet()) {
            int visibility = context.fieldAccess.getOrDefault(field.getKey(), Opcodes.ACC_PRIVATE)
                    & (Opcodes.ACC_PUBLIC | Opcodes.ACC_PROTECTED | Opcodes.ACC_PRIVATE);
            addField(visibility, Names.companion(field.getKey()));
        }
        if (self.name.equals(context.ownerFieldDeclarer)) {
            addField(Opcodes.ACC_PUBLIC, Names.OWNER_FIELD);
        }
        super.visitEnd();
    }

    @Override
    public FieldVisitor visitField(int access, String name, String descriptor, String signature,
            Object value) {
        context.fieldAccess.put(name, access);
        return super.visitField(access, name, descriptor, signature, value);
    }

    private void addField(int visibility, String name) {
        // Transient: the token means nothing in another JVM; synthetic: hidden from tools.
        FieldVisitor field = super.visitField(visibility | Opcodes.ACC_SYNTHETIC | Opcodes.ACC_TRANSIENT,
                name, Names.TOKEN, null, null);
        if (field != null) {
            field.visitEnd();
        }
        rewroteSomething = true;
    }
}
