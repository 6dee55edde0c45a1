package io.devmsan.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.devmsan.runtime.Model.Holder;
import io.devmsan.runtime.Model.Thing;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ScopedFieldUsageTest extends RuntimeTest {

    private static final String NEVER = "com.example.Driver#neverInProbe";

    private List<String> warnings() {
        return console().lines().filter(l -> l.startsWith("[devmsan] WARN")).collect(Collectors.toList());
    }

    @Test
    void aFieldStoredOnlyOutsideProbesIsNamedAtExitAndOneStoredInAProbeIsNot() {
        AgentControl.scopedFieldDeclared(Model.HOLDER + "#value");
        AgentControl.scopedFieldDeclared(NEVER);
        Holder holder = new Holder();
        holder.store(new Object());
        assertEquals(List.of(NEVER, Model.HOLDER + "#value"), Core.scopedFields().neverStoredInScope(), "sorted");

        Model.probe(new Thing("dev.0"), () -> holder.store(new Object()));
        assertEquals(List.of(NEVER), Core.scopedFields().neverStoredInScope());

        Core.scopedFields().warnAtExit(true);
        Core.scopedFields().warnAtExit(true);
        assertEquals(List.of("[devmsan] WARN @DevmScoped field " + NEVER + " never received a value while a bind"
                + " scope was active, so none of its reads were checked; annotate the field that holds state"
                + " allocated in probe, or store it in probe"), warnings(), "one line per field, once");
    }

    @Test
    void storingNullInAProbeDoesNotCountAsAStore() {
        AgentControl.scopedFieldDeclared(Model.HOLDER + "#value");
        Model.probe(new Thing("dev.0"), () -> new Holder().store(null));
        assertEquals(List.of(Model.HOLDER + "#value"), Core.scopedFields().neverStoredInScope());
    }

    @Test
    void aRunThatSawNoDeviceSaysNothingAboutItsFields() {
        AgentControl.scopedFieldDeclared(NEVER);
        Core.scopedFields().warnAtExit(false);
        assertEquals(List.of(), warnings());
    }
}
