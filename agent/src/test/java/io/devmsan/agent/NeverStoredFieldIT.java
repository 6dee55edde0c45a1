package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * At exit, each {@code @DevmScoped} field of a loaded class that never received a value in a
 * probe is named in one warning: its reads were never checked.
 */
class NeverStoredFieldIT extends FixtureProgramRun {

    private static List<String> neverStoredWarnings(ChildJvm.Result result) {
        return result.agentLines().stream().filter(l -> l.contains("never received a value")).collect(Collectors.toList());
    }

    @Test
    void fieldsNeverStoredInAProbeAreNamedOnceEachAtExit() throws Exception {
        ChildJvm.Result result = runProgram("NeverStoredProgram");
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
        ChildJvm.Result result = runProgram("NeverStoredProgram", "no-device");
        assertEquals(List.of(), neverStoredWarnings(result), result::toString);
    }
}
