package io.devmsan.agent;

import io.devmsan.runtime.Sites;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.Type;
import org.objectweb.asm.commons.AdviceAdapter;

/**
 * Inserts the checks into one method. Every inserted sequence is straight-line code that leaves
 * the operand stack as it found it, so existing stack map frames stay valid and only the maximum
 * stack size grows. {@link AdviceAdapter} tells when a constructor has called {@code super()}:
 * before that, {@code this} is uninitialised and may not be read, so accesses through fields of
 * this class itself are left unchecked there (docs/limits.md). Inserted instructions go through
 * {@code super.visit...} (never GeneratorAdapter's helpers, which bypass the adapter) so that its
 * simulation of the constructor's stack stays exact.
 */
final class AccessMethodRewriter extends AdviceAdapter {

    private final RewriteContext context;
    private final AccessRewriter owner;
    private final String methodName;
    private final boolean isConstructor;
    private final boolean isStatic;
    private final boolean isBridge;
    private int line = -1;
    /** The entry check of an owned instance method, waiting for its first line number. */
    private boolean entryCheckPending;
    /** The previous instruction pushed {@code this} (slot 0 of an instance method). */
    private boolean lastLoadedThis;
    /**
     * {@code this} was checked since the last barrier: a branch target (it has a stack map frame),
     * a call or a monitor operation, where the thread may block while an unbind completes. Within
     * such a stretch of straight-line code a second check of {@code this} could only catch an
     * unbind racing without synchronisation, which the first one would have caught as well.
     */
    private boolean thisChecked;

    AccessMethodRewriter(MethodVisitor next, int access, String name, String descriptor,
            RewriteContext context, AccessRewriter owner) {
        super(Opcodes.ASM9, next, access, name, descriptor);
        this.context = context;
        this.owner = owner;
        this.methodName = name;
        this.isConstructor = "<init>".equals(name);
        this.isStatic = (access & Opcodes.ACC_STATIC) != 0;
        this.isBridge = (access & Opcodes.ACC_BRIDGE) != 0;
    }

    @Override
    public void visitLineNumber(int line, Label start) {
        this.line = line;
        super.visitLineNumber(line, start);
    }

    @Override
    public void visitFrame(int type, int numLocal, Object[] local, int numStack, Object[] stack) {
        super.visitFrame(type, numLocal, local, numStack, stack);
        barrier();
    }

    @Override
    public void visitInsn(int opcode) {
        boolean thisOnTop = lastLoadedThis && opcode == DUP;
        beforeInstruction();
        super.visitInsn(opcode);
        lastLoadedThis = thisOnTop;
        if (opcode == MONITORENTER || opcode == MONITOREXIT) {
            barrier();
        }
    }

    @Override
    public void visitIntInsn(int opcode, int operand) {
        beforeInstruction();
        super.visitIntInsn(opcode, operand);
    }

    @Override
    public void visitVarInsn(int opcode, int varIndex) {
        beforeInstruction();
        super.visitVarInsn(opcode, varIndex);
        if (varIndex == 0 && !isStatic) {
            lastLoadedThis = opcode == ALOAD;
            if (opcode == ASTORE) {
                barrier(); // slot 0 no longer holds this
            }
        }
    }

    @Override
    public void visitTypeInsn(int opcode, String type) {
        beforeInstruction();
        super.visitTypeInsn(opcode, type);
    }

    @Override
    public void visitMethodInsn(int opcode, String methodOwner, String name, String descriptor,
            boolean isInterface) {
        beforeInstruction();
        super.visitMethodInsn(opcode, methodOwner, name, descriptor, isInterface);
        barrier();
    }

    @Override
    public void visitInvokeDynamicInsn(String name, String descriptor, org.objectweb.asm.Handle bootstrap,
            Object... arguments) {
        beforeInstruction();
        super.visitInvokeDynamicInsn(name, descriptor, bootstrap, arguments);
        barrier();
    }

    @Override
    public void visitJumpInsn(int opcode, Label label) {
        beforeInstruction();
        super.visitJumpInsn(opcode, label);
    }

    @Override
    public void visitLdcInsn(Object value) {
        beforeInstruction();
        super.visitLdcInsn(value);
    }

    @Override
    public void visitIincInsn(int varIndex, int increment) {
        beforeInstruction();
        super.visitIincInsn(varIndex, increment);
    }

    @Override
    public void visitTableSwitchInsn(int min, int max, Label dflt, Label... labels) {
        beforeInstruction();
        super.visitTableSwitchInsn(min, max, dflt, labels);
    }

    @Override
    public void visitLookupSwitchInsn(Label dflt, int[] keys, Label[] labels) {
        beforeInstruction();
        super.visitLookupSwitchInsn(dflt, keys, labels);
    }

    @Override
    public void visitMultiANewArrayInsn(String descriptor, int numDimensions) {
        beforeInstruction();
        super.visitMultiANewArrayInsn(descriptor, numDimensions);
    }

    /**
     * Before each original instruction: the pending entry check goes in first, after any frame of
     * the method's first offset and with the first line number (so that it reports a real line).
     */
    private void beforeInstruction() {
        lastLoadedThis = false;
        if (entryCheckPending) {
            entryCheckPending = false;
            emitEntryCheck();
        }
    }

    private void barrier() {
        // In a constructor this cannot be dead: its owner token is only set when the constructor ends.
        thisChecked = isConstructor;
    }

    @Override
    protected void onMethodEnter() {
        if (isConstructor) {
            thisChecked = true;
            return;
        }
        if (isStatic || isBridge || context.ownerFieldDeclarer == null) {
            return;
        }
        entryCheckPending = true;
    }

    /** Entry of an instance method of an owned class: the receiver must be alive. */
    private void emitEntryCheck() {
        int site = site(Sites.Kind.OWNED_CALL, context.className() + "#" + methodName + "()");
        super.visitVarInsn(ALOAD, 0);                                                       // [this]
        super.visitFieldInsn(GETFIELD, context.self.name, Names.OWNER_FIELD, Names.TOKEN); // [token]
        super.visitLdcInsn(site);                                                       // [token, site]
        super.visitMethodInsn(INVOKESTATIC, Names.RUNTIME, Names.CHECK_OWNED,
                Names.CHECK_OWNED_DESC, false);                           // []
        owner.markRewritten();
        thisChecked = true;
    }

    @Override
    protected void onMethodExit(int opcode) {
        if (!isConstructor || opcode == ATHROW || !TypeFacts.ALLOCATED_IN_SCOPE.equals(context.self.ownership)) {
            return;
        }
        // End of a constructor of an owned class: the new object belongs to the active scope.
        int site = site(Sites.Kind.ALLOCATION, context.className());
        super.visitVarInsn(ALOAD, 0);                                                       // [this]
        super.visitVarInsn(ALOAD, 0);                                                       // [this, this]
        super.visitLdcInsn(site);                                                       // [this, this, site]
        super.visitMethodInsn(INVOKESTATIC, Names.RUNTIME, Names.OWNER_FOR_NEW,
                Names.OWNER_FOR_NEW_DESC, false);                         // [this, token]
        super.visitFieldInsn(PUTFIELD, context.self.name, Names.OWNER_FIELD, Names.TOKEN); // []
        owner.markRewritten();
    }

    @Override
    public void visitFieldInsn(int opcode, String fieldOwner, String name, String descriptor) {
        boolean receiverIsThis = lastLoadedThis && opcode == GETFIELD;
        beforeInstruction();
        if ((opcode != GETFIELD && opcode != PUTFIELD) || name.startsWith(Names.PREFIX)) {
            super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
            return;
        }
        ClassLoader loader = context.loader;
        String scopedDeclarer = context.registry.scopedFieldDeclarer(loader, fieldOwner, name);
        boolean ownedReceiver = context.registry.ownerFieldDeclarer(loader, fieldOwner) != null;
        if (ownedReceiver && mayReadReceiver(fieldOwner) && !(receiverIsThis && thisChecked)) {
            checkReceiver(opcode, fieldOwner, name, descriptor);
            thisChecked |= receiverIsThis;
        }
        if (scopedDeclarer == null) {
            super.visitFieldInsn(opcode, fieldOwner, name, descriptor);
        } else if (opcode == GETFIELD) {
            scopedRead(fieldOwner, name, descriptor, scopedDeclarer);
        } else {
            // Safe before super() too: a write to the uninitialised this names a field this class
            // declares (JVMS 4.10.1.9), and then its companion is this class's as well.
            scopedWrite(fieldOwner, name, descriptor, scopedDeclarer);
        }
    }

    /**
     * Whether the receiver of an access needs and may have a check. Before {@code super()} returns, the receiver
     * may be the uninitialised {@code this}, whose fields may be written but not read; the
     * verifier allows that only for fields named through this very class, so any other owner
     * means an initialised object (a constructor argument's field, say), which is checked.
     */
    private boolean mayReadReceiver(String fieldOwner) {
        // After super() too, a constructor's accesses through its own class are to the object
        // being built, which cannot be dead: its owner token is set only when the constructor ends.
        return !isConstructor || !fieldOwner.equals(context.self.name);
    }

    /** Checks the owner token of the object whose field is about to be read or written. */
    private void checkReceiver(int opcode, String fieldOwner, String name, String descriptor) {
        boolean read = opcode == GETFIELD;
        int site = site(read ? Sites.Kind.OWNED_FIELD_READ : Sites.Kind.OWNED_FIELD_WRITE,
                Names.dotted(fieldOwner) + "#" + name);
        if (read) {
            super.visitInsn(DUP);                                                        // [obj, obj]
        } else if (Type.getType(descriptor).getSize() == 1) {
            super.visitInsn(SWAP);                                                       // [value, obj]
            super.visitInsn(DUP_X1);                                      // [obj, value, obj]
        } else {
            super.visitInsn(DUP2_X1);                                     // [value2, obj, value2]
            super.visitInsn(POP2);                                        // [value2, obj]
            super.visitInsn(DUP_X2);                                      // [obj, value2, obj]
        }
        super.visitFieldInsn(GETFIELD, fieldOwner, Names.OWNER_FIELD, Names.TOKEN); // [..., token]
        super.visitLdcInsn(site);                                                       // [..., token, site]
        super.visitMethodInsn(INVOKESTATIC, Names.RUNTIME, Names.CHECK_OWNED,
                Names.CHECK_OWNED_DESC, false);                           // [obj] or [obj, value]
        owner.markRewritten();
    }

    private void scopedRead(String fieldOwner, String name, String descriptor, String declarer) {
        int site = site(Sites.Kind.SCOPED_READ, Names.dotted(declarer) + "#" + name);
        super.visitInsn(DUP);                                                            // [obj, obj]
        super.visitFieldInsn(GETFIELD, fieldOwner, Names.companion(name), Names.TOKEN); // [obj, token]
        super.visitInsn(SWAP);                                                           // [token, obj]
        super.visitFieldInsn(GETFIELD, fieldOwner, name, descriptor);     // [token, value]
        super.visitInsn(DUP_X1);                                          // [value, token, value]
        super.visitInsn(SWAP);                                                           // [value, value, token]
        super.visitLdcInsn(site);                                                       // [value, value, token, site]
        super.visitMethodInsn(INVOKESTATIC, Names.RUNTIME, Names.CHECK_SCOPED_READ,
                Names.CHECK_SCOPED_READ_DESC, false);                     // [value]
        owner.markRewritten();
    }

    private void scopedWrite(String fieldOwner, String name, String descriptor, String declarer) {
        int site = site(Sites.Kind.SCOPED_WRITE, Names.dotted(declarer) + "#" + name);
        super.visitInsn(DUP2);                                                           // [obj, value, obj, value]
        super.visitLdcInsn(site);                                                       // [obj, value, obj, value, site]
        super.visitMethodInsn(INVOKESTATIC, Names.RUNTIME, Names.OWNER_FOR_STORE,
                Names.OWNER_FOR_STORE_DESC, false);                       // [obj, value, obj, token]
        super.visitFieldInsn(PUTFIELD, fieldOwner, Names.companion(name), Names.TOKEN); // [obj, value]
        super.visitFieldInsn(PUTFIELD, fieldOwner, name, descriptor);     // []
        owner.markRewritten();
    }

    private int site(Sites.Kind kind, String resource) {
        return Sites.register(kind, context.className(), methodName, context.sourceFile, line, resource);
    }
}
