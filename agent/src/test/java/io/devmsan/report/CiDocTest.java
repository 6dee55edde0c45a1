package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * docs/ci.md shows the example module's pom verbatim, so the snippet people copy is the one the
 * build runs (the module is in the reactor; its test passes under the agent and its check step
 * gates on the baseline).
 */
class CiDocTest {

    static final Path ROOT = Paths.get("..");

    /** The example pom from {@code <properties>} to {@code </build>}: everything a user copies. */
    static String pomBlock() throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve("examples/surefire-example/pom.xml"), StandardCharsets.UTF_8);
        int start = lines.indexOf("  <properties>");
        int end = lines.indexOf("  </build>");
        assertTrue(start > 0 && end > start, "the example pom has <properties> ... </build>");
        return String.join("\n", lines.subList(start, end + 1));
    }

    @Test
    void ciDocShowsTheExamplePomVerbatim() throws IOException {
        String doc = Files.readString(ROOT.resolve("docs/ci.md"), StandardCharsets.UTF_8);
        String block = pomBlock();
        assertTrue(block.contains("<artifactId>devmsan-agent</artifactId>") && block.contains("@{argLine} -javaagent:")
                && block.contains("<argument>check</argument>"), "the block is the wiring: " + block);
        assertTrue(doc.contains("```xml\n" + block + "\n```"), "docs/ci.md must show examples/surefire-example/pom.xml "
                + "from <properties> to </build> verbatim; copy it from there");
    }

    @Test
    void theExampleIsPartOfTheBuild() throws IOException {
        String parent = Files.readString(ROOT.resolve("pom.xml"), StandardCharsets.UTF_8);
        assertTrue(parent.contains("<module>examples/surefire-example</module>"), "the reactor builds the example");
        String baseline = Files.readString(ROOT.resolve("examples/surefire-example/devmsan-baseline.txt"));
        assertTrue(baseline.contains(" use-after-unbind com.example.sensor.SensorDriver$Handle#state\n"), baseline);
    }
}
