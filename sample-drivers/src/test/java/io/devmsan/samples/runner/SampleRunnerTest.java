package io.devmsan.samples.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The runner's arguments, exit codes and reports, with the agent replaced by scripted observations. */
class SampleRunnerTest {

    /** Observes what the test scripted per scenario id, and records which stories were asked for. */
    private static final class ScriptedObserver implements Observer {
        final Map<String, Outcome> script;
        final String unavailable;
        final List<String> observed = new ArrayList<>();

        ScriptedObserver(Map<String, Outcome> script, String unavailable) {
            this.script = script;
            this.unavailable = unavailable;
        }

        @Override
        public String unavailable() {
            return unavailable;
        }

        @Override
        public Outcome observe(Scenario scenario) {
            observed.add(scenario.id());
            return script.get(scenario.id());
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private static Outcome outcome(String id, Verdict observed, String... jsons) {
        List<String> texts = new ArrayList<>();
        for (String json : jsons) {
            texts.add("BUG: devmsan: use-after-unbind " + json.length());
        }
        return new Outcome(Scenarios.find(id), observed, observed == Verdict.ERROR ? "boom \"quoted\"" : null,
                texts, List.of(jsons));
    }

    private int run(Observer observer, String... args) {
        return SampleRunner.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), observer);
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    /** Every registered scenario observed as it expects (a hang too); each violation scenario with one violation. */
    private static ScriptedObserver asExpected() {
        Map<String, Outcome> script = new HashMap<>();
        for (Scenario scenario : Scenarios.all()) {
            script.put(scenario.id(), scenario.expected() == Verdict.VIOLATION
                    ? outcome(scenario.id(), Verdict.VIOLATION, "{\"rule\":\"use-after-unbind\"}")
                    : outcome(scenario.id(), scenario.expected()));
        }
        return new ScriptedObserver(script, null);
    }

    /** The table line of scenario {@code id}. */
    private String line(String id) {
        for (String line : out().split("\n")) {
            if (line.startsWith(id + " ")) {
                return line;
            }
        }
        throw new AssertionError("no table line for " + id + " in\n" + out());
    }

    @Test
    void everyVerdictAsExpectedExitsZeroWithATableAndTheReports() {
        ScriptedObserver observer = asExpected();
        assertEquals(0, run(observer));

        assertEquals(Scenarios.ids(), observer.observed);
        assertTrue(out().startsWith("ID"), out());
        String xyz = line("xyz-devm-ioctl");
        assertTrue(xyz.contains("003") && xyz.contains("violation") && xyz.endsWith("OK"), xyz);
        assertTrue(line("tpm-strong-fence").endsWith("OK"), line("tpm-strong-fence"));
        assertTrue(out().contains("--- xyz-devm-ioctl: 1 violation\nBUG: devmsan: use-after-unbind"), out());
        int n = Scenarios.all().size();
        assertTrue(out().trim().endsWith(n + " scenarios: " + n + " OK, 0 MISMATCH"), out());
        assertEquals("", err());
    }

    @Test
    void aMismatchExitsOne() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(
                "tpm-strong-fence", outcome("tpm-strong-fence", Verdict.VIOLATION, "{}")), null);
        assertEquals(1, run(observer, "tpm-strong-fence"));
        assertTrue(out().contains("MISMATCH"), out());
        assertTrue(out().trim().endsWith("1 scenario: 0 OK, 1 MISMATCH"), out());
    }

    @Test
    void aFailedStoryIsAMismatchAndIsShown() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(
                "xyz-devm-ioctl", outcome("xyz-devm-ioctl", Verdict.ERROR)), null);
        assertEquals(1, run(observer, "xyz-devm-ioctl"));
        assertTrue(out().contains("--- xyz-devm-ioctl: story failed: boom"), out());
    }

    @Test
    void jsonIsOneArrayWithTheRawViolations() {
        assertEquals(0, run(asExpected(), "--json"));
        String json = out().trim();
        assertTrue(json.startsWith("[") && json.endsWith("]"), json);
        assertTrue(json.contains("{\"id\": \"xyz-devm-ioctl\", \"seed\": \"003\", \"pattern\": "), json);
        assertTrue(json.contains("\"expected\": \"violation\", \"observed\": \"violation\", "
                + "\"violations\": [{\"rule\":\"use-after-unbind\"}]}"), json);
        assertTrue(json.contains("\"id\": \"tpm-strong-fence\""), json);
        assertTrue(json.contains("\"violations\": []"), json);
    }

    @Test
    void aHangIsItsOwnVerdictInTheTableAndInJson() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(
                "drain-under-lock-hang", outcome("drain-under-lock-hang", Verdict.HANG, "{\"rule\":\"unbind-hang\"}")),
                null);
        assertEquals(0, run(observer, "--json", "drain-under-lock-hang"));
        assertTrue(out().contains("\"expected\": \"hang\", \"observed\": \"hang\""), out());

        out.reset();
        ScriptedObserver clean = new ScriptedObserver(Map.of(
                "drain-under-lock-hang", outcome("drain-under-lock-hang", Verdict.CLEAN)), null);
        assertEquals(1, run(clean, "drain-under-lock-hang"));
        assertTrue(out().contains("hang") && out().contains("MISMATCH"), out());
    }

    @Test
    void jsonEscapesStoryFailures() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(
                "xyz-devm-ioctl", outcome("xyz-devm-ioctl", Verdict.ERROR)), null);
        assertEquals(1, run(observer, "--json", "xyz-devm-ioctl"));
        assertTrue(out().contains("\"observed\": \"error\", \"error\": \"boom \\\"quoted\\\"\""), out());
    }

    @Test
    void namedScenariosRunAloneInTheGivenOrder() {
        ScriptedObserver observer = asExpected();
        assertEquals(0, run(observer, "tpm-strong-fence", "xyz-devm-ioctl", "tpm-strong-fence"));
        assertEquals(List.of("tpm-strong-fence", "xyz-devm-ioctl"), observer.observed);
    }

    @Test
    void listPrintsTheIdsWithoutTheAgent() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(), "agent missing");
        assertEquals(0, run(observer, "--list"));
        assertEquals(String.join("\n", Scenarios.ids()) + "\n", out());
        assertEquals(List.of(), observer.observed);
    }

    @Test
    void playRunsTheStoriesWithoutTheAgentLeavingTheExplorationsOut() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(), "agent missing");
        String explored = Scenarios.all().stream().filter(Scenario::explores).findFirst().orElseThrow().id();
        assertEquals(0, run(observer, "--play", "tpm-strong-fence", explored));
        assertEquals("stories played: 1, threw: 0; explored scenarios left out: 1 (their story is the agent's explorer)\n",
                out());
        assertEquals("", err());
        assertEquals(List.of(), observer.observed, "nothing is asked of the agent");
    }

    @Test
    void aBadArgumentExitsTwoWithOneLineNamingItAndWhatIsAccepted() {
        assertEquals(2, run(asExpected(), "--verbose"));
        assertEquals(1, err().lines().count(), err());
        assertTrue(err().contains("'--verbose'") && err().contains("--list") && err().contains("--play")
                && err().contains("xyz-devm-ioctl"),
                err());

        err.reset();
        assertEquals(2, run(asExpected(), "no-such-scenario"));
        assertTrue(err().contains("unknown scenario 'no-such-scenario'"), err());
        assertEquals("", out());
    }

    @Test
    void withoutTheAgentItExitsTwoNamingTheFix() {
        ScriptedObserver observer = new ScriptedObserver(Map.of(), "devmsan agent not attached; run: X");
        assertEquals(2, run(observer));
        assertEquals("sample-runner: devmsan agent not attached; run: X\n", err());
        assertEquals(List.of(), observer.observed);
    }

    @Test
    void theRealObserverNamesTheJavaagentFix() {
        String reason = new AgentObserver().unavailable();
        // Under the agent this is null; without it, it must say how to attach it.
        if (reason != null) {
            assertTrue(reason.contains("-javaagent:agent/target/devmsan-agent.jar"), reason);
        }
        assertFalse(AgentObserver.FIX.isEmpty());
    }
}
