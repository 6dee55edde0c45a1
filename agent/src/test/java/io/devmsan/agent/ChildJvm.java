package io.devmsan.agent;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * A JVM started by an integration test, usually with the packaged agent, running a program from
 * the test classes. Its output goes to files so that a chatty child never blocks on a full pipe.
 */
final class ChildJvm {

    static final Path AGENT = Paths.get("target", "devmsan-agent.jar").toAbsolutePath();
    static final Path TEST_CLASSES = Paths.get("target", "test-classes").toAbsolutePath();

    private final List<String> options = new ArrayList<>();
    private final List<String> classPath = new ArrayList<>(List.of(TEST_CLASSES.toString()));
    private final Path workDir;

    /** A child whose output files live in {@code workDir}. */
    ChildJvm(Path workDir) {
        this.workDir = workDir;
        options.add("-Xverify:all");
    }

    /** Adds {@code -javaagent:<packaged agent>=<agentOptions>}. */
    ChildJvm withAgent(String agentOptions) {
        options.add("-javaagent:" + AGENT + (agentOptions.isEmpty() ? "" : "=" + agentOptions));
        return this;
    }

    ChildJvm withOption(String option) {
        options.add(option);
        return this;
    }

    ChildJvm withClassPath(Path entry) {
        classPath.add(0, entry.toString());
        return this;
    }

    /** Starts {@code main} with {@code arguments}; see {@link Running}. */
    Running start(String main, String... arguments) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(main);
        command.addAll(Arrays.asList(arguments));
        Path out = Files.createTempFile(workDir, "child-", ".out");
        Path err = Files.createTempFile(workDir, "child-", ".err");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        return new Running(process, out, err, command);
    }

    /** Runs {@code main} to its end (at most two minutes). */
    Result run(String main, String... arguments) throws IOException, InterruptedException {
        Running running = start(main, arguments);
        return running.await(120);
    }

    /** A started child. */
    static final class Running {
        final Process process;
        private final Path out;
        private final Path err;
        private final List<String> command;

        Running(Process process, Path out, Path err, List<String> command) {
            this.process = process;
            this.out = out;
            this.err = err;
            this.command = command;
        }

        /** Waits until stdout has a line equal to {@code line}, or fails after {@code seconds}. */
        void awaitLine(String line, int seconds) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
            while (System.nanoTime() < deadline) {
                if (read(out).lines().anyMatch(line::equals)) {
                    return;
                }
                if (!process.isAlive()) {
                    break;
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no line '" + line + "' from " + command + "\nstdout:\n" + read(out)
                    + "\nstderr:\n" + read(err));
        }

        Result await(int seconds) throws InterruptedException {
            if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("child did not end within " + seconds + " s: " + command
                        + "\nstdout:\n" + read(out) + "\nstderr:\n" + read(err));
            }
            return new Result(process.exitValue(), read(out), read(err), process.pid());
        }

        private static String read(Path file) {
            try {
                return Files.readString(file, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** How a child ended and what it printed. */
    static final class Result {
        final int exitCode;
        final String out;
        final String err;
        final long pid;

        Result(int exitCode, String out, String err, long pid) {
            this.exitCode = exitCode;
            this.out = out;
            this.err = err;
            this.pid = pid;
        }

        /** The lines the agent printed on stderr ({@code [devmsan] ...}). */
        List<String> agentLines() {
            return err.lines().filter(l -> l.startsWith("[devmsan]")).collect(Collectors.toList());
        }

        @Override
        public String toString() {
            return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
        }
    }
}
