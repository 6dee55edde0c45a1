package io.devmsan.agent;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Weaves the lifecycle hooks into the methods annotated with {@code @Lifecycle.*} and
 * {@code @Fence.*}, in plain ASM: {@link LifecycleMethodWeaver} inserts one runtime call at entry
 * and one before each return, and a handler for the exits that also run when the method throws.
 *
 * <p>Until the sixth round of docs/performance.md this was Byte Buddy's {@code Advice}, which
 * produced the same code, but a program's first lifecycle class made the JVM load and interpret
 * some 860 Byte Buddy classes: about 1.5 s of start-up for the sample drivers.
 */
final class LifecycleWeaver {

    private final AgentLog log;

    LifecycleWeaver(AgentLog log) {
        this.log = log;
    }

    /** Returns the class with its lifecycle methods woven, or {@code classFile} when there are none. */
    byte[] weave(String internalName, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        ClassWriter writer = new ClassWriter(reader, ClassWriter.COMPUTE_MAXS);
        ClassWeaver weaver = new ClassWeaver(writer, Names.dotted(internalName));
        // Expanded frames: the method weaver adds locals, and LocalVariablesSorter only remaps those.
        reader.accept(weaver, ClassReader.EXPAND_FRAMES);
        return weaver.wove ? writer.toByteArray() : classFile;
    }

    /** Hands every method with code to a {@link LifecycleMethodWeaver}, which weaves it if annotated. */
    private final class ClassWeaver extends ClassVisitor {
        private final String className;
        private boolean framed;
        boolean wove;

        ClassWeaver(ClassVisitor next, String className) {
            super(Opcodes.ASM9, next);
            this.className = className;
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            // Class files before Java 6 carry no stack map frames, and must not get any.
            framed = (version & 0xFFFF) >= Opcodes.V1_6;
            super.visit(version, access, name, signature, superName, interfaces);
        }

        @Override
        public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                String[] exceptions) {
            MethodVisitor next = super.visitMethod(access, name, descriptor, signature, exceptions);
            if ((access & (Opcodes.ACC_ABSTRACT | Opcodes.ACC_NATIVE)) != 0 || next == null) {
                return next;
            }
            return new LifecycleMethodWeaver(next, access, name, descriptor, className, framed, log, this::woven);
        }

        private void woven() {
            wove = true;
        }
    }
}
