package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.devmsan.annotations.DevmScoped;
import io.devmsan.fixtures.OwnedContext;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Classes compiled for Java 17 and for Java 25 (when the JDK running the tests has it): sources
 * under src/test/resources/release-fixtures are compiled with javax.tools {@code --release N},
 * rewritten, verified by ASM and the JVM, loaded, and shown to report after unbind.
 */
class CompiledForReleaseTest extends RewriteTestBase {

    private static final String C = "io.devmsan.fixtures.compiled.";

    @TempDir
    Path classes;

    /** Compiles the sources of {@code releases} with {@code --release release} into {@link #classes}. */
    private void compile(int release, String... sourceSets) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assumeTrue(javac != null, "no system Java compiler in this runtime");
        List<Path> sources = new ArrayList<>();
        for (String set : sourceSets) {
            try (Stream<Path> files = Files.walk(resource("release-fixtures/" + set))) {
                sources.addAll(files.filter(p -> p.toString().endsWith(".java")).collect(Collectors.toList()));
            }
        }
        String classPath = codeSource(DevmScoped.class) + java.io.File.pathSeparator + codeSource(OwnedContext.class);
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, null)) {
            boolean ok = javac.getTask(null, files, diagnostics,
                    List.of("--release", String.valueOf(release), "-classpath", classPath, "-d", classes.toString()),
                    null, files.getJavaFileObjectsFromPaths(sources)).call();
            assertTrue(ok, () -> "javac --release " + release + " failed: " + diagnostics.getDiagnostics());
        }
        loader = new RewritingLoader(AgentOptions.DEFAULTS, classes);
    }

    private int majorVersion(String binaryName) throws IOException {
        try (InputStream in = Files.newInputStream(classes.resolve(binaryName.replace('.', '/') + ".class"));
                DataInputStream data = new DataInputStream(in)) {
            data.readInt();
            data.readUnsignedShort();
            return data.readUnsignedShort();
        }
    }

    @Test
    void classesCompiledForJava17AreRewrittenVerifiedAndChecked() throws Throwable {
        compile(17, "java17");
        assertEquals(61, majorVersion(C + "CompiledShapes"));
        exerciseJava17Shapes();
    }

    @Test
    void theJava17ShapesCompiledForJava25AreRewrittenVerifiedAndChecked() throws Throwable {
        assumeTrue(Runtime.version().feature() >= 25, "needs JDK 25 to compile for Java 25");
        compile(25, "java17");
        assertEquals(69, majorVersion(C + "CompiledShapes"));
        exerciseJava17Shapes();
    }

    private void exerciseJava17Shapes() throws Throwable {
        Class<?> shapes = fixture("compiled.CompiledShapes");
        Object device = new Object();
        Object[] made = new Object[3];
        Object value = new Object();
        probe(device, () -> {
            made[0] = call(shapes, "tree");
            made[1] = newFixture("OwnedContext");
            made[2] = newFixture("ScopedHolder");
            call(made[2], "store", value);
        });
        @SuppressWarnings("unchecked")
        Supplier<Object> captured = (Supplier<Object>) call(shapes, "capture", made[2]);
        // Unbound through a lifecycle method compiled for the same release, woven by Byte Buddy.
        call(fixture("compiled.CompiledDriverCore"), "unbind", device, (Runnable) () -> { });
        assertTrue(loader.wasRewritten(C + "CompiledDriverCore"));

        assertEquals(6, call(shapes, "sum", made[0]));
        assertEquals(1, call(shapes, "describe", made[1], "a"));
        assertEquals(2, call(shapes, "describe", made[1], "ab"));
        assertTrue(((String) call(shapes, "textBlock", made[2])).startsWith("context: java.lang.Object@"));
        assertSame(value, captured.get());

        assertEquals(3L, violationAt(C + "CompiledShapes$Leaf#value()", "value").count(), "three leaves");
        assertEquals(2L, violationAt("io.devmsan.fixtures.OwnedContext#counter", "describe").count());
        violationAt("io.devmsan.fixtures.ScopedHolder#context", "textBlock");
        assertTrue(violations().stream().anyMatch(v -> v.resource().equals("io.devmsan.fixtures.ScopedHolder#context")
                && v.accessMethod().startsWith("lambda$capture$")), () -> violations().toString());
    }

    @Test
    void flexibleConstructorBodiesAndPatternSwitchesCompiledForJava25AreRewrittenVerifiedAndChecked() throws Throwable {
        assumeTrue(Runtime.version().feature() >= 25, "needs JDK 25 to compile for Java 25");
        compile(25, "java25");
        assertEquals(69, majorVersion(C + "FlexibleConstructor"));
        Class<?> flexible = fixture("compiled.FlexibleConstructor");
        Class<?> patterns = fixture("compiled.PatternShapes");
        Object device = new Object();
        Object value = new Object();
        Object[] made = new Object[3];
        probe(device, () -> {
            made[0] = newFixture("OwnedContext");
            made[1] = flexible.getConstructor(Object.class, fixture("OwnedContext")).newInstance(value, made[0]);
            made[2] = fixture("ScopedRecord").getConstructors()[0].newInstance(new Object(), "name");
        });
        assertSame(value, call(made[1], "context"));
        assertEquals(List.of(), violations(), "everything is alive");
        unbind(device);

        assertSame(value, call(made[1], "context"));
        violationAt(C + "FlexibleConstructor#context()", "context");
        violationAt(C + "FlexibleConstructor#context", "context");
        flexible.getConstructor(Object.class, fixture("OwnedContext")).newInstance(new Object(), made[0]);
        violationAt("io.devmsan.fixtures.OwnedContext#counter", "<init>");
        assertEquals(1, call(patterns, "of", made[0]));
        assertEquals(2L, violationAt("io.devmsan.fixtures.OwnedContext#counter", "of").count(), "guard and arm");
        assertEquals(4, call(patterns, "of", made[2]));
        violationAt("io.devmsan.fixtures.ScopedRecord#context", "context");
    }

    private static Path resource(String name) throws URISyntaxException {
        URL url = CompiledForReleaseTest.class.getClassLoader().getResource(name);
        assertTrue(url != null, "missing test resource " + name);
        return Paths.get(url.toURI());
    }

    private static String codeSource(Class<?> type) throws URISyntaxException {
        return Paths.get(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }
}
