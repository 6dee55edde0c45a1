package io.devmsan.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.util.CheckClassAdapter;

/**
 * A child-first class loader that puts the fixtures through the agent's transformer, exactly as the
 * JVM would, checks every rewritten class with ASM's verifier, and remembers which classes came out
 * untouched. The JVM verifies them again when they are defined.
 */
final class RewritingLoader extends ClassLoader {

    static final String FIXTURES = "io.devmsan.fixtures.";

    private final DevmsanTransformer transformer;
    private final Map<String, Boolean> rewritten = new ConcurrentHashMap<>();
    /** Class files compiled at test time, looked up before the test class path; may be null. */
    private final Path compiledClasses;

    RewritingLoader() {
        this(AgentOptions.DEFAULTS, null);
    }

    RewritingLoader(AgentOptions options, Path compiledClasses) {
        super(RewritingLoader.class.getClassLoader());
        this.transformer = new DevmsanTransformer(options, new AgentLog(false), "test");
        this.compiledClasses = compiledClasses;
    }

    /** Whether the transformer changed the class (loads it first). */
    boolean wasRewritten(String name) throws ClassNotFoundException {
        loadClass(name);
        return rewritten.get(name);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
        if (!name.startsWith(FIXTURES)) {
            return super.loadClass(name, resolve);
        }
        synchronized (getClassLoadingLock(name)) {
            Class<?> loaded = findLoadedClass(name);
            if (loaded == null) {
                loaded = defineRewritten(name);
            }
            if (resolve) {
                resolveClass(loaded);
            }
            return loaded;
        }
    }

    private Class<?> defineRewritten(String name) throws ClassNotFoundException {
        byte[] original = read(name);
        byte[] result = transformer.rewrite(this, name.replace('.', '/'), original);
        rewritten.put(name, result != null);
        byte[] classFile = result != null ? result : original;
        if (result != null) {
            verify(name, result);
        }
        return defineClass(name, classFile, 0, classFile.length);
    }

    private void verify(String name, byte[] classFile) {
        StringWriter problems = new StringWriter();
        CheckClassAdapter.verify(new ClassReader(classFile), this, false, new PrintWriter(problems));
        if (problems.getBuffer().length() > 0) {
            throw new AssertionError("rewritten " + name + " does not verify:\n" + problems);
        }
    }

    private byte[] read(String name) throws ClassNotFoundException {
        String file = name.replace('.', '/') + ".class";
        if (compiledClasses != null && Files.isRegularFile(compiledClasses.resolve(file))) {
            try {
                return Files.readAllBytes(compiledClasses.resolve(file));
            } catch (IOException e) {
                throw new ClassNotFoundException(name, e);
            }
        }
        try (InputStream in = getParent().getResourceAsStream(file)) {
            if (in == null) {
                throw new ClassNotFoundException(name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new ClassNotFoundException(name, e);
        }
    }
}
