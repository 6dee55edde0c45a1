package io.devmsan.samples.ibdetach;

import static io.devmsan.samples.runner.Steps.expect;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;
import io.devmsan.samples.runner.Machine;
import java.util.concurrent.TimeUnit;

/** Open, create hardware objects, unbind from another thread, keep using the file, close. */
public final class IbDetachStory {

    private static final String STORY = "ib detach";

    private IbDetachStory() {
    }

    /**
     * The unbind does not wait for the open file: it detaches it. The queue pairs the file created
     * are destroyed during the unbind; every later operation fails with {@code -EIO} and the close
     * reaches no driver code.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindDetaches() throws Exception {
        Machine machine = Machine.boot(new IbHwDriver());
        try {
            IbHwContext hw = machine.device().getDrvdata(IbHwContext.class);
            File file = Devtmpfs.open(machine.nodePath());
            try {
                long qpn = file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0);
                expect(STORY, qpn >= 0, "create QP while bound returned " + Errno.name(qpn));
                expect(STORY, file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0) >= 0, "second create QP failed");
                expect(STORY, file.write(new byte[] {(byte) qpn}, 1) == 1, "ringing the QP failed");
                expect(STORY, hw.qpsInUse() == 2, "the hardware should have two QPs");

                int unbound = machine.bus().unbindAsync(machine.device()).get(10, TimeUnit.SECONDS);
                expect(STORY, unbound == 0, "unbind returned " + Errno.name(unbound));

                long ring = file.ioctl(UverbsFileOps.IOC_RING, qpn);
                expect(STORY, ring == -Errno.EIO, "ring after unbind returned " + Errno.name(ring));
                expect(STORY, file.ioctl(UverbsFileOps.IOC_CREATE_QP, 0) == -Errno.EIO,
                        "create after unbind did not fail");
                expect(STORY, file.read(new byte[1], 1) == -Errno.EIO, "read after unbind did not fail");
                expect(STORY, file.write(new byte[] {0}, 1) == -Errno.EIO, "write after unbind did not fail");
                expect(STORY, file.poll() == FileOperations.EPOLLERR, "poll after unbind did not report EPOLLERR");
            } finally {
                expect(STORY, file.close() == 0, "close failed");
            }
        } finally {
            machine.shutdown();
        }
    }
}
