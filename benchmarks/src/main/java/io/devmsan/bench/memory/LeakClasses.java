package io.devmsan.bench.memory;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Generates and defines {@code n} classes implementing {@link Leak}, each with its own
 * {@code @DevmScoped Object res} field, so that reading each after its scope died records one
 * distinct violation. Defined by a class loader of their own, so under the agent they pass through
 * the transformer like any application class.
 */
final class LeakClasses extends ClassLoader {

    private static final String PACKAGE = "io/devmsan/bench/memory/gen/";
    private static final String LEAK = Leak.class.getName().replace('.', '/');

    LeakClasses() {
        super(LeakClasses.class.getClassLoader());
    }

    /** A new instance of each of {@code n} generated classes. */
    Leak[] instances(int n) {
        Leak[] leaks = new Leak[n];
        for (int i = 0; i < n; i++) {
            String name = PACKAGE + "Leak" + i;
            byte[] bytes = generate(name);
            Class<?> type = defineClass(name.replace('/', '.'), bytes, 0, bytes.length);
            try {
                leaks[i] = (Leak) type.getConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot instantiate generated " + name, e);
            }
        }
        return leaks;
    }

    private static byte[] generate(String name) {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_MAXS | ClassWriter.COMPUTE_FRAMES);
        cw.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, name, null,
                "java/lang/Object", new String[] {LEAK});
        cw.visitSource(name.substring(name.lastIndexOf('/') + 1) + ".java", null);
        FieldVisitor field = cw.visitField(Opcodes.ACC_PUBLIC, "res", "Ljava/lang/Object;", null, null);
        field.visitAnnotation("Lio/devmsan/annotations/DevmScoped;", true).visitEnd();
        field.visitEnd();

        MethodVisitor init = cw.visitMethod(Opcodes.ACC_PUBLIC, "<init>", "()V", null, null);
        init.visitCode();
        init.visitVarInsn(Opcodes.ALOAD, 0);
        init.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/Object", "<init>", "()V", false);
        init.visitInsn(Opcodes.RETURN);
        init.visitMaxs(0, 0);
        init.visitEnd();

        MethodVisitor store = cw.visitMethod(Opcodes.ACC_PUBLIC, "store", "(Ljava/lang/Object;)V", null, null);
        store.visitCode();
        store.visitVarInsn(Opcodes.ALOAD, 0);
        store.visitVarInsn(Opcodes.ALOAD, 1);
        store.visitFieldInsn(Opcodes.PUTFIELD, name, "res", "Ljava/lang/Object;");
        store.visitInsn(Opcodes.RETURN);
        store.visitMaxs(0, 0);
        store.visitEnd();

        MethodVisitor read = cw.visitMethod(Opcodes.ACC_PUBLIC, "read", "()Ljava/lang/Object;", null, null);
        read.visitCode();
        read.visitVarInsn(Opcodes.ALOAD, 0);
        read.visitFieldInsn(Opcodes.GETFIELD, name, "res", "Ljava/lang/Object;");
        read.visitInsn(Opcodes.ARETURN);
        read.visitMaxs(0, 0);
        read.visitEnd();

        cw.visitEnd();
        return cw.toByteArray();
    }
}
