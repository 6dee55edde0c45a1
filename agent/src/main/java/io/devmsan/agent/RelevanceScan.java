package io.devmsan.agent;

import org.objectweb.asm.ClassReader;

/**
 * Decides from the constant pool alone, without visiting any code, whether a class needs
 * rewriting: it declares something annotated, extends an owned class, or refers to a field that
 * is {@code @DevmScoped} or belongs to an owned class; or it calls one of the
 * {@link ReflectiveCalls}. Everything else is returned untouched.
 */
final class RelevanceScan {

    /** Why a class is rewritten, from the strongest reason down. */
    enum Relevance {
        /** It declares or touches annotated members: a program relying on devmsan needs it rewritten. */
        ANNOTATED,
        /** It only calls reflective field accessors or field handle look-ups. */
        REFLECTIVE_CALLS,
        /** Nothing to do: the class loads untouched. */
        NONE
    }

    /** Constant pool tags (JVMS 4.4). */
    private static final int CONSTANT_FIELDREF = 9;
    private static final int CONSTANT_METHODREF = 10;

    private RelevanceScan() {
    }

    static Relevance of(ClassReader reader, TypeFacts self, ClassLoader loader, TypeRegistry registry) {
        if (self.declaresAnything() || registry.ownerFieldDeclarer(loader, self.name) != null) {
            return Relevance.ANNOTATED;
        }
        char[] buffer = new char[reader.getMaxStringLength()];
        boolean reflective = false;
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            // The second slot of a long or double constant has no offset.
            if (offset == 0) {
                continue;
            }
            int tag = reader.readByte(offset - 1);
            if (tag != CONSTANT_FIELDREF && tag != CONSTANT_METHODREF) {
                continue;
            }
            String owner = reader.readClass(offset, buffer);
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String name = reader.readUTF8(nameAndType, buffer);
            if (tag == CONSTANT_METHODREF) {
                reflective |= ReflectiveCalls.mayBe(owner, name)
                        && ReflectiveCalls.of(owner, name, reader.readUTF8(nameAndType + 2, buffer)) != null;
            } else if (registry.scopedFieldDeclarer(loader, owner, name) != null
                    || registry.ownerFieldDeclarer(loader, owner) != null) {
                return Relevance.ANNOTATED;
            }
        }
        return reflective ? Relevance.REFLECTIVE_CALLS : Relevance.NONE;
    }
}
