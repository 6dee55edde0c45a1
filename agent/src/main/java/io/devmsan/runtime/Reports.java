package io.devmsan.runtime;

import io.devmsan.report.ReportFiles;
import io.devmsan.report.ReportSet;
import io.devmsan.report.SourceLocator;
import io.devmsan.report.TextReportFile;
import io.devmsan.runtime.RuntimeConfig.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Writes this JVM's report files {@code <reportDir>/devmsan-<pid>-<startMillis>.<ext>}: the JSON
 * record always, and SARIF, HTML and text as {@link RuntimeConfig#formats()} asks. Each is written
 * into a temporary file in the same directory first, then moved over the report atomically, so
 * that a JVM killed mid-write leaves the previous complete report. Written on
 * {@link Devmsan#flush()}, at JVM exit, and by the {@link Flusher} soon after new violations.
 *
 * <p>SARIF and HTML are rendered from the JSON just written, by the same code as the
 * {@code report} command, so a JVM's files and a merged report never disagree.
 */
final class Reports {

    /** Started on the first violation, not before: a clean run has no extra thread. */
    static final Flusher FLUSHER = new Flusher();

    private static final Object WRITE_LOCK = new Object();

    /**
     * What the files hold since the last write of every format: the exit write, which often
     * follows the flusher's by a moment, skips rendering them all again when nothing changed.
     */
    private static Written lastWritten;

    /** Rebuilt when the configuration changes; caches source look-ups between writes. */
    private static SourceLocator locator;
    private static RuntimeConfig locatorConfig;

    private Reports() {
    }

    /** This run's JSON report file. */
    static Path file() {
        return file(Format.JSON);
    }

    /** This run's report file in {@code format}. */
    static Path file(Format format) {
        return Core.config().reportDir().resolve("devmsan-" + pid() + "-"
                + Core.startMillis() + "." + format.extension());
    }

    /**
     * This JVM's process id. On Linux read from {@code /proc/self}: the start-up line names the
     * report file, and {@code ProcessHandle}'s first use starts a thread pool built from lambdas,
     * which costs every watched JVM start-up time.
     */
    static long pid() {
        return Pid.VALUE;
    }

    /** Looked up once, when first asked for (the holder idiom: no racy cache field). */
    private static final class Pid {
        static final long VALUE = lookUp();

        private static long lookUp() {
            try {
                return Long.parseLong(new java.io.File("/proc/self").getCanonicalFile().getName());
            } catch (java.io.IOException | RuntimeException e) {
                return ProcessHandle.current().pid();
            }
        }
    }

    /** Writes the reports now; a failure is logged (once per directory and format), never thrown. */
    static void write() {
        write(false);
    }

    /**
     * @param background true for the flusher's writes, which are skipped once the JVM shuts down:
     *     the shutdown hook writes last, and a daemon thread writing after it would be killed at
     *     halt with its temporary file left behind
     */
    private static void write(boolean background) {
        Recorder recorder = Core.recorder();
        RuntimeConfig config = Core.config();
        synchronized (WRITE_LOCK) {
            // Rechecked under the lock: once background flushing is off (a test's reset), no
            // flusher write starts after a caller of awaitWrites() has seen the lock free.
            if (background && (!Core.backgroundFlush() || shuttingDown())) {
                return;
            }
            TransformFailures failures = Core.transformFailures();
            // Read before rendering: an occurrence recorded meanwhile makes the next write differ.
            Written now = new Written(recorder, recorder.total(), failures, failures.count(), config);
            if (now.equals(lastWritten) && Files.exists(file())) {
                return;
            }
            lastWritten = null;
            List<RecordedViolation> violations = recorder.all();
            String json = JsonReport.document(violations, recorder.overflow(), failures, locator(config));
            if (!write(Format.JSON, () -> json)) {
                return;
            }
            Set<Format> formats = config.formats();
            boolean complete = true;
            if (formats.contains(Format.SARIF) || formats.contains(Format.HTML)) {
                ReportSet set;
                try {
                    set = ReportSet.fromJson(json, file().toString());
                } catch (RuntimeException e) {
                    Log.error("devmsan could not read back its own report " + file() + "; SARIF and HTML not written", e);
                    return;
                }
                if (formats.contains(Format.SARIF)) {
                    complete &= write(Format.SARIF, set::toSarif);
                }
                if (formats.contains(Format.HTML)) {
                    complete &= write(Format.HTML, set::toHtml);
                }
            }
            if (formats.contains(Format.TEXT)) {
                complete &= write(Format.TEXT, () -> TextReportFile.render("devmsan " + Core.version()
                        + " report of JVM " + pid() + " started " + Instant.ofEpochMilli(Core.startMillis()), violations));
            }
            if (complete) {
                lastWritten = now;
            }
        }
    }

    /** The state a write rendered: the same recorder, occurrences, failures and configuration give the same files. */
    private record Written(Recorder recorder, long occurrences, TransformFailures failures, long failureCount,
            RuntimeConfig config) {
    }

    /** Renders and writes one file; false when it failed (and was logged). */
    private static boolean write(Format format, Supplier<String> content) {
        Path target = file(format);
        try {
            ReportFiles.writeAtomically(target, content.get());
            return true;
        } catch (IOException | RuntimeException e) {
            Log.warnOnce("report-write:" + format + ":" + target.getParent(), "cannot write the devmsan report "
                    + target.toAbsolutePath() + ": " + e);
            return false;
        }
    }

    /** For tests: returns once no report write is running. */
    static void awaitWrites() {
        synchronized (WRITE_LOCK) {
            // nothing: holding the lock once is the wait
        }
    }

    /** Whether the JVM is running its shutdown hooks: it then refuses new ones (documented behaviour). */
    private static boolean shuttingDown() {
        Thread probe = new Thread(() -> { }, "devmsan-shutdown-probe");
        try {
            Runtime.getRuntime().addShutdownHook(probe);
            Runtime.getRuntime().removeShutdownHook(probe);
            return false;
        } catch (IllegalStateException e) {
            return true;
        }
    }

    private static SourceLocator locator(RuntimeConfig config) {
        if (locator == null || locatorConfig != config) {
            try {
                locator = SourceLocator.forWorkingDirectory(config.sourceRoots(), config.sourceBase());
            } catch (RuntimeException e) {
                Log.warnOnce("source-locator", "devmsan cannot look up sources (" + e
                        + "); SARIF paths fall back to package paths");
                return null;
            }
            locatorConfig = config;
        }
        return locator;
    }

    /**
     * The background writer: a daemon thread that writes a few hundred milliseconds after it is
     * poked (batching a burst of new violations into one write), and every few seconds while
     * counts keep changing.
     */
    static final class Flusher implements Runnable {

        private static final long DEBOUNCE_MILLIS = 300;
        private static final long IDLE_MILLIS = 2000;

        private final Object lock = new Object();
        private boolean pending;
        private Thread thread;

        Flusher() {
        }

        /** A new violation: write soon. */
        void poke() {
            synchronized (lock) {
                pending = true;
                if (thread == null) {
                    thread = new Thread(this, "devmsan-flusher");
                    thread.setDaemon(true);
                    thread.start();
                }
                lock.notifyAll();
            }
        }

        @Override
        public void run() {
            long written = -1; // what it last tried: a failed write is retried only once counts change
            try {
                while (true) {
                    boolean poked;
                    synchronized (lock) {
                        if (!pending) {
                            lock.wait(IDLE_MILLIS);
                        }
                        poked = pending;
                        pending = false;
                    }
                    if (poked) {
                        Thread.sleep(DEBOUNCE_MILLIS);
                    }
                    long total = Core.recorder().total();
                    if ((poked || total != written) && Core.backgroundFlush()) {
                        write(true);
                        written = total;
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Throwable t) {
                Log.error("the devmsan report flusher stopped; reports are still written at exit", t);
            }
        }
    }
}
