package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/** The test class path has slf4j-api but no binding: everything goes to System.err. */
class LogTest {

    private PrintStream originalErr;
    private ByteArrayOutputStream err;

    @BeforeEach
    void captureConsole() {
        Log.reset();
        originalErr = System.err;
        err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restoreConsole() {
        System.setErr(originalErr);
        Log.reset();
    }

    private String console() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void withoutBindingWarningsGoToStandardErrorWithPrefix() {
        Log.startup("started");
        Log.warn("careful", new IllegalStateException("why"));
        String nl = System.lineSeparator();
        assertEquals("[devmsan] started" + nl + "[devmsan] WARN careful: java.lang.IllegalStateException: why" + nl,
                console());
    }

    @Test
    void warnOnceLogsAKeyOnlyOnce() {
        assertTrue(Log.warnOnce("k", "first"));
        assertFalse(Log.warnOnce("k", "second"));
        assertTrue(console().contains("first"));
        assertFalse(console().contains("second"));
    }

    @Test
    void errorsPrintTheirCause() {
        Log.error("broken", new IllegalStateException("deep"));
        assertTrue(console().startsWith("[devmsan] ERROR broken"), console());
        assertTrue(console().contains("java.lang.IllegalStateException: deep"), console());
    }

    @Test
    void onlyTheSinkClassLinksSlf4j() throws Exception {
        // A JVM without slf4j must be able to load Log: it may not name any org.slf4j type.
        assertFalse(referencedTypes(Log.class).stream().anyMatch(t -> t.startsWith("org/slf4j/")),
                referencedTypes(Log.class).toString());
        assertTrue(referencedTypes(Slf4jSink.class).contains("org/slf4j/LoggerFactory"));
    }

    /** The internal names of every type {@code type}'s class file refers to. */
    private static Set<String> referencedTypes(Class<?> type) throws Exception {
        String resource = type.getName().replace('.', '/') + ".class";
        Set<String> names = new TreeSet<>();
        try (InputStream in = type.getClassLoader().getResourceAsStream(resource)) {
            new ClassReader(in.readAllBytes()).accept(new ClassRemapper(new ClassWriter(0), new Remapper() {
                @Override
                public String map(String internalName) {
                    names.add(internalName);
                    return internalName;
                }
            }), 0);
        }
        return names;
    }
}
