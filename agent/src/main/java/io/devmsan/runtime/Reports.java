package io.devmsan.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes the report file {@code <reportDir>/devmsan-<pid>-<startMillis>.json}: into a temporary
 * file in the same directory first, then moved over the report atomically, so that a JVM killed
 * mid-write leaves the previous complete report. Written on {@link Devmsan#flush()}, at JVM exit,
 * and by the {@link Flusher} soon after new violations.
 */
final class Reports {

    /** Started on the first violation, not before: a clean run has no extra thread. */
    static final Flusher FLUSHER = new Flusher();

    private static final Object WRITE_LOCK = new Object();

    private Reports() {
    }

    /** This run's report file. */
    static Path file() {
        return Core.config().reportDir()
                .resolve("devmsan-" + ProcessHandle.current().pid() + "-" + Core.startMillis() + ".json");
    }

    /** Writes the report now; a failure is logged (once per directory), never thrown. */
    static void write() {
        Recorder recorder = Core.recorder();
        String json = JsonReport.document(recorder.all(), recorder.overflow(), Core.transformFailures());
        Path target = file();
        synchronized (WRITE_LOCK) {
            Path temp = null;
            try {
                Path dir = target.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                temp = Files.createTempFile(dir, ".devmsan-", ".json.tmp");
                Files.write(temp, json.getBytes(StandardCharsets.UTF_8));
                try {
                    Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                }
                temp = null;
            } catch (IOException | RuntimeException e) {
                Log.warnOnce("report-write:" + target.getParent(), "cannot write the devmsan report "
                        + target.toAbsolutePath() + ": " + e);
            } finally {
                if (temp != null) {
                    try {
                        Files.deleteIfExists(temp);
                    } catch (IOException ignored) {
                        // the temp file stays; the next write makes a new one
                    }
                }
            }
        }
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
            long written = -1;
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
                        Core.flush();
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
