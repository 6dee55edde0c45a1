package io.devmsan.junit;

import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.DevmsanViolationError;
import io.devmsan.runtime.Violation;
import java.lang.management.ManagementFactory;
import java.net.URL;
import java.security.CodeSource;
import java.util.List;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Fails each test during which a violation happened, with the KASAN-style report as the failure
 * message, even when the driver code under test caught and swallowed the error: the extension
 * takes a {@link Devmsan#snapshot()} before each test and asks {@link Devmsan#since} after it.
 * Violations the test declares with {@link ExpectViolation} are expected instead: missing ones
 * fail the test, extra ones still do. Violations recorded with {@code onViolation=log} are
 * informational and never fail a test.
 *
 * <pre>{@code
 * @ExtendWith(DevmsanExtension.class)     // or @DevmsanTest
 * class XyzDriverTest { ... }
 * }</pre>
 *
 * <p>Without the agent attached every test fails, naming the fix, rather than passing while
 * checking nothing. Violations count for the test that was running when they happened, so tests
 * of one JVM must not run in parallel (JUnit's default); violations in {@code @BeforeAll} and
 * {@code @AfterAll} methods are not attributed to any test but still reach the report files.
 */
public final class DevmsanExtension implements BeforeEachCallback, AfterEachCallback, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(DevmsanExtension.class);
    private static final String SNAPSHOT = "snapshot";

    /** Created by JUnit. */
    public DevmsanExtension() {
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        if (!Devmsan.isInstalled()) {
            throw new AssertionError(notInstalledMessage());
        }
        context.getStore(NAMESPACE).put(SNAPSHOT, Devmsan.snapshot());
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable thrown) throws Throwable {
        if (thrown instanceof DevmsanViolationError) {
            Violation violation = ((DevmsanViolationError) thrown).violation();
            if (violation != null && expectations(context).covers(violation)) {
                return; // expected, and recorded: afterEach checks it occurred
            }
        }
        throw thrown;
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Devmsan.Snapshot snapshot = context.getStore(NAMESPACE).remove(SNAPSHOT, Devmsan.Snapshot.class);
        if (snapshot == null) {
            return; // beforeEach failed: the test already fails for that
        }
        String verdict = expectations(context).verdict(Devmsan.since(snapshot));
        if (verdict != null) {
            throw new AssertionError(verdict);
        }
    }

    private static Expectations expectations(ExtensionContext context) {
        List<ExpectViolation> declared = context.getTestMethod()
                .map(method -> AnnotationSupport.findRepeatableAnnotations(method, ExpectViolation.class))
                .orElse(List.of());
        return new Expectations(declared);
    }

    /** Names the fix: where the agent jar is, and how Surefire passes it. */
    static String notInstalledMessage() {
        boolean onCommandLine = ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .anyMatch(argument -> argument.startsWith("-javaagent:") && argument.contains("devmsan"));
        if (onCommandLine) {
            return "devmsan: the agent is on this JVM's command line but did not install, so this test checks "
                    + "nothing; see the [devmsan] lines on stderr for why (run with -javaagent:...=log=debug)";
        }
        return "devmsan: the agent is not attached to this JVM, so this test checks nothing; add -javaagent:"
                + agentJar() + " to the test JVM, e.g. in Surefire's <argLine>"
                + "-javaagent:${io.devmsan:devmsan-agent:jar}</argLine> (see docs/ci.md)";
    }

    private static String agentJar() {
        try {
            CodeSource source = Devmsan.class.getProtectionDomain().getCodeSource();
            URL location = source == null ? null : source.getLocation();
            if (location != null && location.getPath().endsWith(".jar")) {
                return java.nio.file.Paths.get(location.toURI()).toString();
            }
        } catch (Exception e) {
            // Fall back to the generic name below.
        }
        return "/path/to/devmsan-agent.jar";
    }
}
