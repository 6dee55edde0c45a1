package io.devmsan.samples.waitclose;

import static io.devmsan.samples.runner.Steps.expect;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.ErrnoException;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.samples.runner.Machine;
import io.devmsan.samples.runner.Steps;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** Open, unbind from another thread (it waits), keep using the file, close: then unbind finishes. */
public final class WcdevStory {

    private static final String STORY = "wcdev";

    private WcdevStory() {
    }

    /**
     * While the file is open the unbind waits on the rw-semaphore, new opens fail and the open file
     * keeps working against live state; the close lets the unbind finish.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindWaitsForClose() throws Exception {
        Machine machine = Machine.boot(new WcdevDriver());
        try {
            String path = machine.nodePath();
            WcdevNode node = machine.device().getDrvdata(WcdevContext.class).node;
            File file = Devtmpfs.open(path);
            CompletableFuture<Integer> unbind;
            try {
                byte[] word = {1, 2, 3, 4};
                expect(STORY, file.write(word, 4) == 4, "write while bound failed");

                unbind = machine.bus().unbindAsync(machine.device());
                Steps.awaitUntil(STORY, () -> node.openFiles.waiters() > 0, "unbind to wait for the open file");
                expect(STORY, !unbind.isDone(), "unbind finished while a file was open");
                try {
                    Devtmpfs.open(path).close();
                    expect(STORY, false, "a new open succeeded while unbinding");
                } catch (ErrnoException refused) {
                    expect(STORY, refused.errno() == -Errno.ENOENT, "a new open failed with " + refused.getMessage());
                }
                byte[] back = new byte[4];
                long read = file.read(back, 4);
                expect(STORY, read == 4 && Arrays.equals(word, back),
                        "read while unbind waits returned " + Errno.name(read));
            } finally {
                expect(STORY, file.close() == 0, "close failed");
            }
            int unbound = unbind.get(10, TimeUnit.SECONDS);
            expect(STORY, unbound == 0, "unbind returned " + Errno.name(unbound));
            expect(STORY, node.dead, "unbind did not mark the node dead");
        } finally {
            machine.shutdown();
        }
    }

}
