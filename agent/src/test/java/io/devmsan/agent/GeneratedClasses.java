package io.devmsan.agent;

import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files generated with ASM for cases javac does not produce on demand. */
final class GeneratedClasses {

    /** Binary name of {@link #hugeReader()}'s class. */
    static final String HUGE_READER = "io.devmsan.fixtures.generated.HugeReader";

    /** Binary name of {@link #java5Fence()}'s class. */
    static final String JAVA5_FENCE = "io.devmsan.fixtures.generated.Java5Fence";

    /** How many times {@code readMany} reads the scoped field, and what it returns. */
    static final int READS = 12_000;

    private GeneratedClasses() {
    }

    /**
     * A valid Java 17 class whose {@code static int readMany(ScopedHolder)} reads the
     * {@code @DevmScoped} field {@code ScopedHolder.context} {@value #READS} times in 60,000 bytes
     * of code: the checks the rewrite inserts push it past the JVM's 64 KiB method limit, so its
     * rewrite fails (ASM's MethodTooLargeException) and the class must load unchanged.
     */
    static byte[] hugeReader() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                HUGE_READER.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor read = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "readMany",
                "(Lio/devmsan/fixtures/ScopedHolder;)I", null, null);
        read.visitCode();
        for (int i = 0; i < READS; i++) {
            read.visitVarInsn(Opcodes.ALOAD, 0);                                            // [holder]
            read.visitFieldInsn(Opcodes.GETFIELD, "io/devmsan/fixtures/ScopedHolder", "context",
                    "Ljava/lang/Object;");                                                  // [context]
            read.visitInsn(Opcodes.POP);                                                    // []
        }
        read.visitLdcInsn(READS);                                                           // [READS]
        read.visitInsn(Opcodes.IRETURN);
        read.visitMaxs(0, 0);
        read.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /**
     * A Java 5 class file (version 49, which has no stack map frames) with
     * {@code @Fence.Exit(fence = 0) public static void release(Object fence)}, which throws
     * IllegalArgumentException when the fence is null: a branch and a throw, so that weaving it
     * with frames would be wrong in two places.
     */
    static byte[] java5Fence() {
        ClassWriter writer = new ClassWriter(ClassWriter.COMPUTE_MAXS);
        writer.visit(Opcodes.V1_5, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER,
                JAVA5_FENCE.replace('.', '/'), null, "java/lang/Object", null);
        MethodVisitor release = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "release",
                "(Ljava/lang/Object;)V", null, null);
        AnnotationVisitor exit = release.visitAnnotation("Lio/devmsan/annotations/Fence$Exit;", true);
        exit.visit("fence", 0);
        exit.visitEnd();
        release.visitCode();
        Label present = new Label();
        release.visitVarInsn(Opcodes.ALOAD, 0);                                             // [fence]
        release.visitJumpInsn(Opcodes.IFNONNULL, present);                                  // []
        release.visitTypeInsn(Opcodes.NEW, "java/lang/IllegalArgumentException");          // [e]
        release.visitInsn(Opcodes.DUP);                                                     // [e, e]
        release.visitMethodInsn(Opcodes.INVOKESPECIAL, "java/lang/IllegalArgumentException", "<init>", "()V",
                false);                                                                     // [e]
        release.visitInsn(Opcodes.ATHROW);
        release.visitLabel(present);                                                        // []
        release.visitInsn(Opcodes.RETURN);
        release.visitMaxs(0, 0);
        release.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
