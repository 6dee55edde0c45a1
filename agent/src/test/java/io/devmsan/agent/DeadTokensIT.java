package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Under the real agent: checks take their full path from an unbind until the GC has collected
 * what it freed, and a use after unbind in code compiled while they were off is still reported.
 * Needs the woven lifecycle methods to reclaim collected tokens and the runtime to keep none.
 */
class DeadTokensIT extends FixtureProgramRun {

    @Test
    void checksGoOffOnceTheUnboundDriverIsCollectedAndStillCatchTheNextUseAfterUnbind() throws Exception {
        ChildJvm.Result result = runProgram("ChecksAfterCollection");
        assertTrue(result.out.contains("checking while bound: false\n"), result::toString);
        assertTrue(result.out.contains("checking after unbind: true\n"), result::toString);
        assertTrue(result.out.contains("checking after collection: false\n"), result::toString);
        assertTrue(result.out.contains("hot reads: 200000\n"), result::toString);
        assertEquals(1, result.err.split("BUG: devmsan: use-after-unbind", -1).length - 1, result::toString);
        assertTrue(result.err.contains("ScopedHolder.readContext"), result::toString);
    }
}
