package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import org.junit.jupiter.api.Test;

class TransformerContractTest {

    private final DevmsanTransformer transformer =
            new DevmsanTransformer(AgentOptions.DEFAULTS, new AgentLog(false), "test");

    private static byte[] bytesOf(Class<?> type) throws Exception {
        try (InputStream in = type.getResourceAsStream(type.getSimpleName() + ".class")) {
            return in.readAllBytes();
        }
    }

    @Test
    void jdkAndAgentClassesAreNeverRewrittenWhateverIsIncluded() {
        ClassLoader loader = getClass().getClassLoader();
        assertNull(transformer.transform(loader, "java/lang/String", null, null, new byte[0]));
        assertNull(transformer.transform(loader, "io/devmsan/runtime/DevmsanRuntime", null, null, new byte[0]));
        assertNull(transformer.transform(loader, "io/devmsan/shaded/asm/ClassReader", null, null, new byte[0]));
    }

    @Test
    void bootstrapClassesAndRetransformationsAreLeftAlone() throws Exception {
        byte[] holder = bytesOf(io.devmsan.fixtures.ScopedHolder.class);
        assertNull(transformer.transform(null, "io/devmsan/fixtures/ScopedHolder", null, null, holder));
        assertNull(transformer.transform(getClass().getClassLoader(), "io/devmsan/fixtures/ScopedHolder",
                Object.class, null, holder));
    }

    @Test
    void aClassThatCannotBeParsedLoadsUnchangedAndIsCounted() {
        byte[] garbage = {(byte) 0xCA, (byte) 0xFE, (byte) 0xBA, (byte) 0xBE, 0, 0, 0, 99, 1, 2, 3};
        assertNull(transformer.transform(getClass().getClassLoader(), "com/example/Broken", null, null, garbage));
        assertEquals(99, DevmsanTransformer.classFileVersion(garbage));
    }

    @Test
    void excludedClassesAreLeftAlone() throws Exception {
        DevmsanTransformer excluding = new DevmsanTransformer(
                AgentOptions.parse("exclude=io.devmsan.fixtures.*"), new AgentLog(false), "test");
        byte[] holder = bytesOf(io.devmsan.fixtures.ScopedHolder.class);
        assertNull(excluding.transform(getClass().getClassLoader(), "io/devmsan/fixtures/ScopedHolder",
                null, null, holder));
        assertTrue(transformer.transform(getClass().getClassLoader(), "io/devmsan/fixtures/ScopedHolder",
                null, null, holder) != null);
    }

    @Test
    void aClassWhoseRewriteExceedsTheMethodSizeLimitLoadsUnchanged() throws Exception {
        byte[] huge = GeneratedClasses.hugeReader();
        ClassLoader loader = getClass().getClassLoader();
        assertNull(transformer.transform(loader, GeneratedClasses.HUGE_READER.replace('.', '/'), null, null, huge));
        Class<?> unchanged = new OneClassLoader(loader).define(GeneratedClasses.HUGE_READER, huge);
        assertEquals(GeneratedClasses.READS, unchanged.getMethod("readMany", io.devmsan.fixtures.ScopedHolder.class)
                .invoke(null, new io.devmsan.fixtures.ScopedHolder()));
    }

    @Test
    void classesOfALoaderThatCannotSeeTheRuntimeLoadUnchanged() throws Exception {
        byte[] holder = bytesOf(io.devmsan.fixtures.ScopedHolder.class);
        // Delegates to the platform loader only: neither the runtime nor the annotations are visible.
        ClassLoader isolated = new OneClassLoader(ClassLoader.getPlatformClassLoader());
        assertNull(transformer.transform(isolated, "io/devmsan/fixtures/ScopedHolder", null, null, holder));
        Class<?> loaded = ((OneClassLoader) isolated).define("io.devmsan.fixtures.ScopedHolder", holder);
        Object instance = loaded.getConstructor().newInstance();
        loaded.getMethod("store", Object.class).invoke(instance, "value");
        assertEquals("value", loaded.getMethod("readContext").invoke(instance));
    }

    /** Defines the classes it is given, delegating everything else to its parent. */
    static final class OneClassLoader extends ClassLoader {
        OneClassLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] classFile) {
            return defineClass(name, classFile, 0, classFile.length);
        }
    }
}
