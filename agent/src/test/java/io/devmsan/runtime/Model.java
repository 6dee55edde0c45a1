package io.devmsan.runtime;

/**
 * Stand-ins for a driver model and for what the agent makes of it: plain objects for devices,
 * character devices and files, and classes written the way rewritten code looks, calling
 * {@link DevmsanRuntime} where the transformer would insert calls.
 */
final class Model {

    static final String CONTEXT = "io.devmsan.runtime.Model$Context";
    static final String HOLDER = "io.devmsan.runtime.Model$Holder";

    static final int ALLOC = Sites.register(Sites.Kind.ALLOCATION, CONTEXT, "<init>", "Model.java", 40, CONTEXT);
    static final int READ = Sites.register(Sites.Kind.OWNED_FIELD_READ, CONTEXT, "readRegs", "Model.java", 50,
            CONTEXT + "#regs");
    static final int WRITE = Sites.register(Sites.Kind.OWNED_FIELD_WRITE, CONTEXT, "writeRegs", "Model.java", 55,
            CONTEXT + "#regs");
    static final int CALL = Sites.register(Sites.Kind.OWNED_CALL, CONTEXT, "reset", "Model.java", 60,
            CONTEXT + "#reset()");
    static final int SCOPED_WRITE = Sites.register(Sites.Kind.SCOPED_WRITE, HOLDER, "store", "Model.java", 70,
            HOLDER + "#value");
    static final int SCOPED_READ = Sites.register(Sites.Kind.SCOPED_READ, HOLDER, "read", "Model.java", 75,
            HOLDER + "#value");
    static final int PROBE = lifecycle("Bus", "probe", "probe");
    static final int UNBIND = lifecycle("Bus", "unbind", "unbind");
    static final int ADOPT = lifecycle("Devres", "adopt", "adopt");
    static final int FREE = lifecycle("Slab", "kfree", "kfree");
    static final int CDEV_ADD = lifecycle("Cdev", "add", "add");
    static final int CDEV_DEL = lifecycle("Cdev", "del", "del");
    static final int OPEN = lifecycle("Cdev", "open", "open");
    static final int IOCTL = lifecycle("File", "ioctl", "ioctl");
    static final int READ_OP = lifecycle("File", "read", "read");
    static final int IRQ = lifecycle("Irq", "handle", "irq");

    static {
        // As the agent marks them, so that a report can find File.ioctl and Irq.handle on a stack.
        Sites.markOperation(IOCTL, false);
        Sites.markOperation(IRQ, true);
    }

    private Model() {
    }

    private static int lifecycle(String type, String method, String name) {
        return Sites.register(Sites.Kind.LIFECYCLE, "io.devmsan.runtime.Model$" + type, method, "Model.java", -1, name);
    }

    /** A device, cdev or file of the model: only its toString() is ever called. */
    static final class Thing {
        private final String name;

        Thing(String name) {
            this.name = name;
        }

        @Override
        public String toString() {
            return name;
        }

        @Override
        public boolean equals(Object other) {
            throw new AssertionError("the runtime must not call equals() on model objects");
        }

        @Override
        public int hashCode() {
            throw new AssertionError("the runtime must not call hashCode() on model objects");
        }
    }

    /** A rewritten {@code @ScopeOwned(ALLOCATED_IN_SCOPE)} class. */
    static final class Context {
        public transient Lifetime devmsan$owner;
        int regs;

        Context() {
            this.devmsan$owner = DevmsanRuntime.ownerForNew(this, ALLOC);
        }

        int readRegs() {
            DevmsanRuntime.checkOwned(devmsan$owner, READ);
            return regs;
        }

        void writeRegs(int value) {
            DevmsanRuntime.checkOwned(devmsan$owner, WRITE);
            regs = value;
        }

        void reset() {
            DevmsanRuntime.checkOwned(devmsan$owner, CALL);
        }
    }

    /** A rewritten {@code @ScopeOwned(ADOPTED)} class: no owner at construction. */
    static final class Buffer {
        public transient Lifetime devmsan$owner;
        int length;

        int length() {
            DevmsanRuntime.checkOwned(devmsan$owner, READ);
            return length;
        }
    }

    /** A class with a rewritten {@code @DevmScoped} field {@code value}. */
    static final class Holder {
        Object value;
        Lifetime devmsan$value;

        void store(Object v) {
            devmsan$value = DevmsanRuntime.ownerForStore(v, SCOPED_WRITE);
            value = v;
        }

        Object read() {
            Object v = value;
            DevmsanRuntime.checkScopedRead(v, devmsan$value, SCOPED_READ);
            return v;
        }
    }

    static void probe(Object device, Runnable body) {
        DevmsanRuntime.probeEnter(device, PROBE);
        try {
            body.run();
        } catch (RuntimeException | Error e) {
            DevmsanRuntime.probeExit(device, e, PROBE);
            throw e;
        }
        DevmsanRuntime.probeExit(device, null, PROBE);
    }

    static void unbind(Object device, Runnable remove) {
        DevmsanRuntime.unbindEnter(device, UNBIND);
        try {
            remove.run();
        } finally {
            DevmsanRuntime.unbindExit(device, null, UNBIND);
        }
    }

    static void unbind(Object device) {
        unbind(device, () -> { });
    }

    static <T> T inOperation(int op, Object file, java.util.function.Supplier<T> body) {
        Object operations = DevmsanRuntime.operationEnter(file, op);
        try {
            return body.get();
        } finally {
            DevmsanRuntime.operationExit(operations, op);
        }
    }

    /** A file whose {@code ioctl} is woven the way the agent weaves a file operation. */
    static final class File {
        private File() {
        }

        static <T> T ioctl(Object file, java.util.function.Supplier<T> body) {
            return inOperation(IOCTL, file, body);
        }
    }

    /** An interrupt handler woven the way the agent weaves an entry point. */
    static final class Irq {
        private Irq() {
        }

        static <T> T handle(Object device, java.util.function.Supplier<T> body) {
            Object operations = DevmsanRuntime.entryEnter(device, IRQ);
            try {
                return body.get();
            } finally {
                DevmsanRuntime.entryExit(operations, IRQ);
            }
        }
    }
}
