package io.devmsan.agent;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * Under the real agent: a file operation that began before operations were tracked (its thread
 * had been the only one using the driver) is still named in the report, with its file and as
 * running across the unbind. Needs the woven {@code @Lifecycle.FileOperation} method to be
 * registered for the stack look-up.
 */
class UntrackedOperationIT extends FixtureProgramRun {

    @Test
    void anOperationRunningBeforeTrackingBeganIsReportedWithItsFileAndAsInFlight() throws Exception {
        ChildJvm.Result result = runProgram("UnbindDuringFirstOperation");
        assertTrue(result.err.contains("by thread \"main\" in file operation ioctl\n  file /dev/xyz0 on cdev xyz0\n"
                + "  file opened before its cdev was unregistered; the operation was already running when the unbind"
                + " completed;"), result::toString);
    }
}
