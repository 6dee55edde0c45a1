package io.devmsan.agent;

import io.devmsan.runtime.AgentControl;
import java.io.IOException;
import java.lang.instrument.ClassFileTransformer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;

/**
 * The agent's transformer. For each class it may rewrite (see {@link ClassFilter}): read its facts,
 * return it untouched unless {@link RelevanceScan} finds something to check (or its class loader
 * cannot reach the runtime, see {@link RuntimeVisibility}), weave the lifecycle hooks, insert the
 * access checks and prepare reflective field accesses. A class that cannot be rewritten loads
 * unchanged and the failure is logged once with the class, its class file version, the agent's
 * version and the cause: the JVM would otherwise swallow the exception.
 */
final class DevmsanTransformer implements ClassFileTransformer {

    private final ClassFilter filter;
    private final TypeRegistry registry;
    /** Created for the first class with lifecycle methods. */
    private volatile LifecycleWeaver weaver;
    private final AgentLog log;
    private final String version;
    private final Path dumpDir;
    private final RuntimeVisibility visibility = new RuntimeVisibility();

    DevmsanTransformer(AgentOptions options, AgentLog log, String version) {
        this.filter = options.classFilter();
        this.log = log;
        this.version = version;
        this.dumpDir = options.dumpDir();
        this.registry = new TypeRegistry(log);
    }

    @Override
    public byte[] transform(ClassLoader loader, String className, Class<?> classBeingRedefined,
            ProtectionDomain protectionDomain, byte[] classFile) {
        // Retransformation may not add fields; bootstrap classes are the JDK's.
        if (className == null || loader == null || classBeingRedefined != null || !filter.accepts(className)) {
            return null;
        }
        try {
            return rewrite(loader, className, classFile);
        } catch (Throwable t) {
            recordFailure(className, classFile, t);
            return null;
        }
    }

    /**
     * Counts and logs (once per class, by the runtime) a class that loads unchanged. The JVM would
     * swallow anything thrown from here, so nothing is.
     */
    private void recordFailure(String className, byte[] classFile, Throwable failure) {
        try {
            AgentControl.recordTransformFailure(Names.dotted(className) + " (class file version "
                    + classFileVersion(classFile) + ", devmsan " + version + ")", failure);
        } catch (Throwable unrecordable) {
            try {
                log.warnOnce("devmsan " + version + " cannot rewrite " + Names.dotted(className)
                        + ", it loads unchanged: " + failure + " (and recording that failed: " + unrecordable + ")");
            } catch (Throwable ignored) {
                // Nothing left to tell: the class still loads unchanged.
            }
        }
    }

    /** The rewritten class file, or null when the class needs nothing. */
    byte[] rewrite(ClassLoader loader, String className, byte[] classFile) {
        ClassReader reader = new ClassReader(classFile);
        TypeFacts self = TypeFacts.read(reader);
        registry.put(loader, self);
        RelevanceScan.Relevance relevance = RelevanceScan.of(reader, self, loader, registry);
        if (relevance == RelevanceScan.Relevance.NONE || !linksToRuntime(loader, className, relevance)) {
            return null;
        }
        byte[] woven = self.hasLifecycleMethods ? weaver().weave(className, classFile) : classFile;
        ClassReader wovenReader = woven == classFile ? reader : new ClassReader(woven);
        ClassWriter writer = new ClassWriter(wovenReader, ClassWriter.COMPUTE_MAXS);
        AccessRewriter rewriter = new AccessRewriter(writer, new RewriteContext(loader, registry, self));
        // AdviceAdapter keeps frames right only when they are expanded.
        wovenReader.accept(rewriter, ClassReader.EXPAND_FRAMES);
        if (!rewriter.rewroteSomething() && woven == classFile) {
            return null;
        }
        byte[] result = rewriter.rewroteSomething() ? writer.toByteArray() : woven;
        if (!className.startsWith(ClassFilter.CANARY)) {
            for (String field : self.scopedFields.keySet()) {
                AgentControl.scopedFieldDeclared(Names.dotted(className) + "#" + field);
            }
        }
        dump(className, result);
        return result;
    }

    /** Whether rewritten code of {@code loader} would reach this runtime; says so once when not. */
    private boolean linksToRuntime(ClassLoader loader, String className, RelevanceScan.Relevance relevance) {
        if (visibility.sees(loader)) {
            return true;
        }
        String message = "devmsan " + version + " leaves the classes of class loader "
                + RuntimeVisibility.describe(loader) + " unchanged (first: " + Names.dotted(className)
                + "): it does not see the agent's io.devmsan.runtime; put the annotated classes in a loader"
                + " that delegates to the system class loader";
        String key = "loader-without-runtime:" + System.identityHashCode(loader);
        if (relevance == RelevanceScan.Relevance.ANNOTATED) {
            log.warnOnce(key, message);
        } else {
            log.debug(key, message);
        }
        return false;
    }

    private void dump(String className, byte[] classFile) {
        if (dumpDir == null) {
            return;
        }
        try {
            Path file = dumpDir.resolve(className + ".class");
            Files.createDirectories(file.getParent());
            Files.write(file, classFile);
        } catch (IOException e) {
            log.warnOnce("devmsan could not dump rewritten classes to " + dumpDir + ": " + e);
        }
    }

    static int classFileVersion(byte[] classFile) {
        return classFile != null && classFile.length >= 8
                ? ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff) : -1;
    }

    private LifecycleWeaver weaver() {
        LifecycleWeaver current = weaver;
        if (current == null) {
            synchronized (this) {
                current = weaver;
                if (current == null) {
                    current = new LifecycleWeaver(log);
                    weaver = current;
                }
            }
        }
        return current;
    }
}
