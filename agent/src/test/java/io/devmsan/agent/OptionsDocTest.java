package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** docs/options.md cannot drift: its table lists exactly the agent's keys, with their real defaults. */
class OptionsDocTest {

    static final Path DOC = Paths.get("..", "docs", "options.md");

    /** The option table's rows: key to default, backticks removed. */
    static Map<String, String> documentedDefaults() throws IOException {
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC, StandardCharsets.UTF_8)) {
            if (line.startsWith("| `")) {
                String[] cells = line.split("\\|");
                rows.put(cells[1].trim().replace("`", ""), cells[2].trim().replace("`", ""));
            }
        }
        return rows;
    }

    /** What each key's default is, read from the parser's defaults, written as the doc writes it. */
    static Map<String, String> actualDefaults() {
        AgentOptions d = AgentOptions.DEFAULTS;
        Map<String, String> defaults = new LinkedHashMap<>();
        defaults.put("include", d.includes());
        defaults.put("exclude", d.excludes().isEmpty() ? "(none)" : d.excludes());
        defaults.put("reportDir", d.reportDir().toString());
        defaults.put("formats", d.formats());
        defaults.put("onViolation", d.onViolation().option());
        defaults.put("provenance", d.provenance().option());
        defaults.put("stackDepth", Integer.toString(d.stackDepth()));
        defaults.put("dumpDir", d.dumpDir() == null ? "(none)" : d.dumpDir().toString());
        defaults.put("log", d.log().name().toLowerCase(java.util.Locale.ROOT));
        defaults.put("sourceRoots", d.sourceRoots());
        defaults.put("sourceBase", d.sourceBase() == null ? "auto" : d.sourceBase().toString());
        return defaults;
    }

    @Test
    void theDocListsEveryOptionInTheParsersOrder() throws IOException {
        assertEquals(new ArrayList<>(AgentOptions.keys()), new ArrayList<>(documentedDefaults().keySet()));
    }

    @Test
    void theDocumentedDefaultsAreTheParsersDefaults() throws IOException {
        assertEquals(List.copyOf(AgentOptions.keys()), List.copyOf(actualDefaults().keySet()),
                "this test knows every key");
        assertEquals(actualDefaults(), documentedDefaults());
    }
}
