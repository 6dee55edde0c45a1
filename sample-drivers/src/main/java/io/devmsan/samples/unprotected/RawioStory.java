package io.devmsan.samples.unprotected;

import static io.devmsan.samples.runner.Steps.expect;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.devres.IoMem;
import io.devmsan.samples.runner.Machine;
import java.util.concurrent.TimeUnit;

/** Open, unbind from another thread, read and write on the file that is still open. */
public final class RawioStory {

    private static final String STORY = "rawio";

    private RawioStory() {
    }

    /**
     * Without the sanitizer nothing visibly fails: read returns the all-ones of an unmapped window and
     * write is dropped, both reached through memory devres freed.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindReadWrite() throws Exception {
        Machine machine = Machine.boot(new RawioDriver());
        try {
            File file = Devtmpfs.open(machine.nodePath());
            try {
                byte[] word = {0x12, 0x34, 0x56, 0x78};
                expect(STORY, file.write(word, 4) == 4, "write while bound failed");
                byte[] back = new byte[4];
                long read = file.read(back, 4);
                expect(STORY, read == 4 && java.util.Arrays.equals(word, back),
                        "read while bound returned " + Errno.name(read));

                int unbound = machine.bus().unbindAsync(machine.device()).get(10, TimeUnit.SECONDS);
                expect(STORY, unbound == 0, "unbind returned " + Errno.name(unbound));

                long after = file.read(back, 4);
                expect(STORY, after == 4 && (back[0] & 0xff) == (IoMem.ALL_ONES & 0xff),
                        "read after unbind returned " + Errno.name(after)
                                + ", expected the unmapped window's all ones");
                expect(STORY, file.write(word, 4) == 4, "write after unbind was refused");
            } finally {
                file.close();
            }
        } finally {
            machine.shutdown();
        }
    }

}
