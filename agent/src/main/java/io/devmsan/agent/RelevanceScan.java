package io.devmsan.agent;

import org.objectweb.asm.ClassReader;

/**
 * Decides from the constant pool alone, without visiting any code, whether a class needs
 * rewriting: it declares something annotated, extends an owned class, or refers to a field that
 * is {@code @DevmScoped} or belongs to an owned class. Everything else is returned untouched.
 */
final class RelevanceScan {

    /** Constant pool tag of a field reference (JVMS 4.4). */
    private static final int CONSTANT_FIELDREF = 9;

    private RelevanceScan() {
    }

    static boolean needsRewrite(ClassReader reader, TypeFacts self, ClassLoader loader,
            TypeRegistry registry) {
        if (self.declaresAnything() || registry.ownerFieldDeclarer(loader, self.name) != null) {
            return true;
        }
        char[] buffer = new char[reader.getMaxStringLength()];
        for (int item = 1; item < reader.getItemCount(); item++) {
            int offset = reader.getItem(item);
            // The second slot of a long or double constant has no offset.
            if (offset == 0 || reader.readByte(offset - 1) != CONSTANT_FIELDREF) {
                continue;
            }
            String owner = reader.readClass(offset, buffer);
            int nameAndType = reader.getItem(reader.readUnsignedShort(offset + 2));
            String name = reader.readUTF8(nameAndType, buffer);
            if (registry.scopedFieldDeclarer(loader, owner, name) != null
                    || registry.ownerFieldDeclarer(loader, owner) != null) {
                return true;
            }
        }
        return false;
    }
}
