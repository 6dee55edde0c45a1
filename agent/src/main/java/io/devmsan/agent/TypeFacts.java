package io.devmsan.agent;

import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.objectweb.asm.AnnotationVisitor;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;

/**
 * What one class file says about itself that matters to devmsan, read without its code: whether
 * it is {@code @ScopeOwned}, which of its fields are {@code @DevmScoped}, whether it has lifecycle
 * or fence methods. Immutable.
 */
final class TypeFacts {

    static final String DEVM_SCOPED = "Lio/devmsan/annotations/DevmScoped;";
    static final String SCOPE_OWNED = "Lio/devmsan/annotations/ScopeOwned;";
    static final String LIFECYCLE_PREFIX = "Lio/devmsan/annotations/Lifecycle$";
    static final String FENCE_PREFIX = "Lio/devmsan/annotations/Fence$";
    static final String ALLOCATED_IN_SCOPE = "ALLOCATED_IN_SCOPE";
    static final String ADOPTED = "ADOPTED";

    /** Facts of a class that could not be read: nothing is known, nothing is rewritten for it. */
    static final TypeFacts UNKNOWN =
            new TypeFacts("", null, false, null, Set.of(), Map.of(), Map.of(), false);

    final String name;
    final String superName;
    final boolean isInterface;
    /** {@link #ALLOCATED_IN_SCOPE} or {@link #ADOPTED} when annotated {@code @ScopeOwned}, else null. */
    final String ownership;
    /** Names of every instance field the class declares, to resolve field references exactly. */
    final Set<String> instanceFields;
    /** {@code @DevmScoped} instance fields of reference type: name to descriptor. */
    final Map<String, String> scopedFields;
    /** {@code @DevmScoped} fields the annotation cannot apply to: name to the reason. */
    final Map<String, String> misusedScopedFields;
    final boolean hasLifecycleMethods;

    private TypeFacts(String name, String superName, boolean isInterface, String ownership,
            Set<String> instanceFields, Map<String, String> scopedFields, Map<String, String> misusedScopedFields,
            boolean hasLifecycleMethods) {
        this.name = name;
        this.superName = superName;
        this.isInterface = isInterface;
        this.ownership = ownership;
        this.instanceFields = instanceFields;
        this.scopedFields = scopedFields;
        this.misusedScopedFields = misusedScopedFields;
        this.hasLifecycleMethods = hasLifecycleMethods;
    }

    /** Whether anything in this class itself needs rewriting. */
    boolean declaresAnything() {
        return ownership != null || !scopedFields.isEmpty() || hasLifecycleMethods;
    }

    static TypeFacts read(byte[] classFile) {
        return read(new ClassReader(classFile));
    }

    static TypeFacts read(ClassReader reader) {
        Collector collector = new Collector();
        reader.accept(collector, ClassReader.SKIP_CODE | ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        return new TypeFacts(collector.name, collector.superName, collector.isInterface,
                collector.ownership,
                Collections.unmodifiableSet(collector.instanceFields),
                Collections.unmodifiableMap(collector.scopedFields),
                Collections.unmodifiableMap(collector.misused),
                collector.lifecycle);
    }

    /** Reads the annotations that matter; everything else is skipped. */
    private static final class Collector extends ClassVisitor {
        String name;
        String superName;
        boolean isInterface;
        String ownership;
        boolean lifecycle;
        final Set<String> instanceFields = new HashSet<>();
        final Map<String, String> scopedFields = new LinkedHashMap<>();
        final Map<String, String> misused = new LinkedHashMap<>();

        Collector() {
            super(Opcodes.ASM9);
        }

        @Override
        public void visit(int version, int access, String name, String signature, String superName,
                String[] interfaces) {
            this.name = name;
            this.superName = superName;
            this.isInterface = (access & Opcodes.ACC_INTERFACE) != 0;
        }

        @Override
        public AnnotationVisitor visitAnnotation(String descriptor, boolean visible) {
            if (!SCOPE_OWNED.equals(descriptor)) {
                return null;
            }
            ownership = ALLOCATED_IN_SCOPE;
            return new AnnotationVisitor(Opcodes.ASM9) {
                @Override
                public void visitEnum(String attribute, String enumDescriptor, String value) {
                    if ("value".equals(attribute)) {
                        ownership = value;
                    }
                }
            };
        }

        @Override
        public FieldVisitor visitField(int access, String fieldName, String descriptor,
                String signature, Object value) {
            if ((access & Opcodes.ACC_STATIC) == 0) {
                instanceFields.add(fieldName);
            }
            return new FieldVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (DEVM_SCOPED.equals(annotation)) {
                        String misuse = misuse(access, descriptor);
                        if (misuse == null) {
                            scopedFields.put(fieldName, descriptor);
                        } else {
                            misused.put(fieldName, misuse);
                        }
                    }
                    return null;
                }
            };
        }

        @Override
        public MethodVisitor visitMethod(int access, String methodName, String descriptor,
                String signature, String[] exceptions) {
            return new MethodVisitor(Opcodes.ASM9) {
                @Override
                public AnnotationVisitor visitAnnotation(String annotation, boolean visible) {
                    if (annotation.startsWith(LIFECYCLE_PREFIX) || annotation.startsWith(FENCE_PREFIX)) {
                        lifecycle = true;
                    }
                    return null;
                }
            };
        }

        private String misuse(int access, String descriptor) {
            if (isInterface || (access & Opcodes.ACC_STATIC) != 0) {
                return "it is static: a static field belongs to no bind scope; accepted: instance fields"
                        + " of reference or array type";
            }
            int sort = Type.getType(descriptor).getSort();
            if (sort != Type.OBJECT && sort != Type.ARRAY) {
                return "it is of primitive type " + Type.getType(descriptor).getClassName()
                        + ", which cannot dangle; accepted: instance fields of reference or array type";
            }
            return null;
        }
    }
}
