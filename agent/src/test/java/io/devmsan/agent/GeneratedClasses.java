package io.devmsan.agent;

import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/** Class files generated with ASM for cases javac does not produce on demand. */
final class GeneratedClasses {

    /** Binary name of {@link #hugeReader()}'s class. */
    static final String HUGE_READER = "io.devmsan.fixtures.generated.HugeReader";

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
}
