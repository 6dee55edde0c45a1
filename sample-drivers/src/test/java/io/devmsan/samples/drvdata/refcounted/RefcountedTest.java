package io.devmsan.samples.drvdata.refcounted;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.runtime.Devmsan;
import io.devmsan.runtime.Violation;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Seed 001 under the agent: plainly allocated, refcounted private data keeps every operation after unbind clean. */
class RefcountedTest {

    @BeforeAll
    static void agentIsInstalled() {
        assertTrue(Devmsan.isInstalled(), "the devmsan agent is not installed: run these tests with "
                + "-javaagent:agent/target/devmsan-agent.jar (the sample-drivers Surefire argLine does)");
    }

    @Test
    void readAndWriteAfterUnbindFailWithEnodevAndAreClean() {
        Devmsan.Snapshot before = Devmsan.snapshot();
        RefcountedPlatform platform = RefcountedPlatform.boot();
        File file = Devtmpfs.open(platform.nodePath());
        byte[] data = {1, 2, 3, 4};
        long read;
        long written;
        try {
            assertEquals(4, file.write(data, 4));
            assertEquals(0, platform.bus().unbind(platform.device()));
            read = file.read(new byte[4], 4);
            written = file.write(data, 4);
        } finally {
            file.close();
            platform.shutdown();
        }

        List<Violation> found = Devmsan.since(before);
        assertEquals(List.of(), found, () -> texts(found));
        assertEquals(-Errno.ENODEV, read, Errno.name(read));
        assertEquals(-Errno.ENODEV, written, Errno.name(written));
    }

    @Test
    void theReleaseCallbackFreesThePrivateDataAtTheLastCloseNotAtUnbind() {
        RefcountedPlatform platform = RefcountedPlatform.boot();
        RefcountedPriv priv = platform.device().getDrvdata(RefcountedPriv.class);
        File file = Devtmpfs.open(platform.nodePath());
        File second = file.dup();

        assertEquals(0, platform.bus().unbind(platform.device()));
        assertFalse(priv.released, "open files hold the private data");
        file.close();
        assertFalse(priv.released, "a duplicate still holds it");
        second.close();
        assertTrue(priv.released, "the last close runs the release callback");
        assertEquals(0, priv.users);
        platform.shutdown();
    }

    @Test
    void anUnbindWithoutOpenFilesFreesThePrivateDataAtOnce() {
        RefcountedPlatform platform = RefcountedPlatform.boot();
        RefcountedPriv priv = platform.device().getDrvdata(RefcountedPriv.class);
        assertEquals(0, platform.bus().unbind(platform.device()));
        assertTrue(priv.released);
        platform.shutdown();
    }

    private static String texts(List<Violation> violations) {
        return violations.stream().map(Violation::toText).collect(Collectors.joining("\n"));
    }
}
