package io.devmsan.samples.debugfsdrain;

import static io.devmsan.samples.runner.Steps.expect;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.kernel.debugfs.Debugfs;
import io.devmsan.samples.runner.Machine;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;

/** Open the debugfs file, unbind from another thread, keep reading and writing, close. */
public final class DbgStory {

    private static final String STORY = "dbg";

    private DbgStory() {
    }

    /**
     * After unbind the file is gone from debugfs, and the file opened before gets {@code -EIO} from
     * read and write and {@code EPOLLHUP} from poll, without reaching the driver; close still works.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindRead() throws Exception {
        Machine machine = Machine.boot(new DbgDriver());
        try {
            String path = DbgDriver.debugfsPath(machine.device());
            File file = Debugfs.open(path);
            try {
                byte[] word = {9, 8, 7, 6};
                expect(STORY, file.write(word, 4) == 4, "write while bound failed");
                byte[] back = new byte[4];
                long read = file.read(back, 4);
                expect(STORY, read == 4 && Arrays.equals(word, back), "read while bound returned " + Errno.name(read));

                int unbound = machine.bus().unbindAsync(machine.device()).get(10, TimeUnit.SECONDS);
                expect(STORY, unbound == 0, "unbind returned " + Errno.name(unbound));

                expect(STORY, !Debugfs.list().contains(path), "the debugfs file is still listed");
                try {
                    Debugfs.open(path).close();
                    expect(STORY, false, "the removed debugfs file could be opened");
                } catch (ErrnoException gone) {
                    expect(STORY, gone.errno() == -Errno.ENOENT,
                            "opening the removed file failed with " + gone.getMessage());
                }
                long after = file.read(back, 4);
                expect(STORY, after == -Errno.EIO, "read after unbind returned " + Errno.name(after));
                expect(STORY, file.write(word, 4) == -Errno.EIO, "write after unbind did not fail with -EIO");
                expect(STORY, file.poll() == FileOperations.EPOLLHUP, "poll after unbind did not report EPOLLHUP");
            } finally {
                expect(STORY, file.close() == 0, "close failed");
            }
        } finally {
            machine.shutdown();
        }
    }
}
