package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * At exit, each {@code @DevmScoped} field of a loaded class that never received a value in a
 * probe is named in one warning: its reads were never checked.
 */
class NeverStoredFieldIT {

    private static final String PROGRAM = "io.devmsan.fixtures.programs.NeverStoredProgram";

    @TempDir
    Path dir;

    private static List<String> neverStoredWarnings(ChildJvm.Result result) {
        return result.agentLines().stream().filter(l -> l.contains("never received a value")).collect(Collectors.toList());
    }

    @Test
    void fieldsNeverStoredInAProbeAreNamedOnceEachAtExit() throws Exception {
        ChildJvm.Result result = new ChildJvm(dir).withAgent("reportDir=" + dir).run(PROGRAM);
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of("read 1"), result.out.lines().toList());
        String tail = " never received a value while a bind scope was active, so none of its reads were checked;"
                + " annotate the field that holds state allocated in probe, or store it in probe";
        assertEquals(List.of(
                "[devmsan] WARN @DevmScoped field io.devmsan.fixtures.ScopedHolder#names" + tail,
                "[devmsan] WARN @DevmScoped field io.devmsan.fixtures.ScopedHolder#regs" + tail),
                neverStoredWarnings(result), result::toString);
    }

    @Test
    void aRunWithoutAnyDeviceSaysNothingAboutItsFields() throws Exception {
        ChildJvm.Result result = new ChildJvm(dir).withAgent("reportDir=" + dir).run(PROGRAM, "no-device");
        assertEquals(0, result.exitCode, result::toString);
        assertEquals(List.of(), neverStoredWarnings(result), result::toString);
    }
}
