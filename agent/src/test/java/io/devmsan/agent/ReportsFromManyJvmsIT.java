package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.fixtures.ViolatingProgram;
import io.devmsan.report.SarifSchema;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Several JVMs under the packaged agent writing one report directory at once (like parallel
 * Surefire forks), then the command line merging it: nothing may be lost or torn.
 */
class ReportsFromManyJvmsIT {

    @TempDir
    Path dir;

    private Process violatingJvm(Path reportDir, String... programArguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(AgentInstalledIT.javaExecutable(),
                "-javaagent:" + AgentInstalledIT.AGENT + "=reportDir=" + reportDir + ",log=quiet",
                "-cp", Paths.get("target", "test-classes").toAbsolutePath().toString(),
                ViolatingProgram.class.getName()));
        command.addAll(List.of(programArguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.PIPE)
                .start();
    }

    private static String finish(Process jvm) throws Exception {
        String output = new String(jvm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(jvm.waitFor(120, TimeUnit.SECONDS), output);
        assertEquals(0, jvm.exitValue(), output);
        return output;
    }

    private static List<String> run(String... arguments) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int code = Cli.run(arguments, new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true,
                StandardCharsets.UTF_8));
        List<String> lines = new ArrayList<>(out.toString(StandardCharsets.UTF_8).lines().toList());
        lines.add("exit " + code);
        return lines;
    }

    private static List<Path> files(Path dir, String glob) throws IOException {
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir, glob)) {
            stream.forEach(found::add);
        }
        return found;
    }

    @Test
    void twoJvmsWritingOneDirectoryAtOnceLoseNothing() throws Exception {
        Path reports = dir.resolve("devmsan");
        Process first = violatingJvm(reports, "5");
        Process second = violatingJvm(reports, "7");
        finish(first);
        finish(second);

        assertEquals(2, files(reports, "devmsan-*.json").size(), "one JSON per JVM");
        assertEquals(2, files(reports, "devmsan-*.html").size());
        for (Path sarif : files(reports, "devmsan-*.sarif")) {
            assertEquals(List.of(), SarifSchema.errors(Files.readString(sarif)), sarif.toString());
        }
        assertEquals(List.of(), files(reports, ".devmsan-*"), "no temporary file left");

        List<String> report = run("report", reports.toString());
        assertEquals("exit 0", report.get(report.size() - 1), report.toString());
        String merged = Files.readString(reports.resolve("devmsan.json"));
        assertTrue(merged.contains("\"count\":12"), "5 + 7 reads of the same bug: " + merged);
        assertEquals(List.of(), SarifSchema.errors(Files.readString(reports.resolve("devmsan.sarif"))));

        List<String> check = run("check", reports.toString());
        assertTrue(check.get(0).matches("NEW use-after-unbind io\\.devmsan\\.fixtures\\.ScopedHolder#context at "
                + "ScopedHolder\\.java:\\d+ count=12 \\[[0-9a-f]{16}]"), check.toString());
        assertEquals("exit 1", check.get(check.size() - 1));
    }

    @Test
    void aJvmKilledAfterWritingLeavesAReadableReport() throws Exception {
        Path reports = dir.resolve("killed");
        Process jvm = violatingJvm(reports, "3", "hang");
        java.io.BufferedReader output = new java.io.BufferedReader(new java.io.InputStreamReader(jvm.getInputStream(),
                StandardCharsets.UTF_8));
        String line;
        do {
            line = output.readLine(); // warnings may come first
        } while (line != null && !line.equals("flushed"));
        assertEquals("flushed", line);
        jvm.destroyForcibly(); // SIGKILL: no shutdown hook runs
        assertTrue(jvm.waitFor(60, TimeUnit.SECONDS));

        List<String> check = run("check", reports.toString());
        assertTrue(check.get(0).contains("count=3"), check.toString());
        assertEquals("exit 1", check.get(check.size() - 1));
    }

    @Test
    void theProgramsSourcesAreLocatedRelativeToTheRepositoryRoot() throws Exception {
        Path reports = dir.resolve("located");
        finish(violatingJvm(reports, "1"));
        String json = Files.readString(files(reports, "devmsan-*.json").get(0));
        assertTrue(json.contains("\"io/devmsan/fixtures/ScopedHolder.java\":"
                + "\"agent/src/test/java/io/devmsan/fixtures/ScopedHolder.java\""), json);
        String sarif = Files.readString(files(reports, "devmsan-*.sarif").get(0));
        assertTrue(sarif.contains("\"uri\":\"agent/src/test/java/io/devmsan/fixtures/ScopedHolder.java\""), sarif);
    }
}
