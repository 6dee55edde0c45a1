package io.devmsan.runtime;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the runtime's tests: a fresh runtime per test (report files in a temporary directory,
 * no background flusher) and the console captured, since violations are printed there.
 */
abstract class RuntimeTest {

    @TempDir
    Path reportDir;

    private PrintStream originalErr;
    private ByteArrayOutputStream err;

    @BeforeEach
    void freshRuntime() {
        originalErr = System.err;
        err = new ByteArrayOutputStream();
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        Log.reset();
        reset(config());
    }

    @AfterEach
    void restoreConsole() {
        System.setErr(originalErr);
    }

    /** The configuration each test starts with. */
    RuntimeConfig config() {
        return RuntimeConfig.defaults().withReportDir(reportDir);
    }

    void reset(RuntimeConfig config) {
        Core.resetForTests(config, false, Recorder.MAX_DISTINCT);
    }

    /** What was printed on System.err since the test started. */
    String console() {
        return err.toString(StandardCharsets.UTF_8);
    }
}
