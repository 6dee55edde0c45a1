package io.devmsan.samples.cdevkill;

import static io.devmsan.samples.runner.Steps.expect;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.runner.Machine;
import java.util.concurrent.TimeUnit;

/** Open, unbind (which kills the open file), then keep using the file and close it. */
public final class KdevStory {

    private static final String STORY = "kdev";

    private KdevStory() {
    }

    /**
     * Two files are open when unbind runs: both are killed, their releases run during the unbind,
     * and every later operation fails with {@code -EIO}; closing them reaches no driver code.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindRead() throws Exception {
        Machine machine = Machine.boot(new KdevDriver());
        try {
            String path = machine.nodePath();
            File first = Devtmpfs.open(path);
            File second = Devtmpfs.open(path);
            try {
                expect(STORY, first.write(new byte[] {5}, 1) == 1, "write while bound failed");
                byte[] counter = new byte[4];
                expect(STORY, second.read(counter, 4) == 4 && counter[0] == 5, "read while bound did not see 5");
                expect(STORY, first.ioctl(0, 0) == 2, "two files should be open");

                int unbound = machine.bus().unbindAsync(machine.device()).get(10, TimeUnit.SECONDS);
                expect(STORY, unbound == 0, "unbind returned " + Errno.name(unbound));

                long read = first.read(counter, 4);
                expect(STORY, read == -Errno.EIO, "read on a killed file returned " + Errno.name(read));
                long write = second.write(new byte[] {1}, 1);
                expect(STORY, write == -Errno.EIO, "write on a killed file returned " + Errno.name(write));
                expect(STORY, first.ioctl(0, 0) == -Errno.EIO, "ioctl on a killed file did not fail");
                int poll = second.poll();
                expect(STORY, poll == (FileOperations.EPOLLERR | FileOperations.EPOLLHUP),
                        "poll on a killed file returned " + poll);
            } finally {
                expect(STORY, first.close() == 0 && second.close() == 0, "close of a killed file failed");
            }
        } finally {
            machine.shutdown();
        }
    }

}
