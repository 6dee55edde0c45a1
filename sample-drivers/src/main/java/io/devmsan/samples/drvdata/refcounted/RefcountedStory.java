package io.devmsan.samples.drvdata.refcounted;

import io.devmsan.kernel.Errno;
import io.devmsan.kernel.cdev.Devtmpfs;
import io.devmsan.kernel.cdev.File;

/** Open, unbind, keep using the file, close: the refcounted private data makes it all safe. */
public final class RefcountedStory {

    private RefcountedStory() {
    }

    /**
     * Open, write and read back the data register while bound, unbind, then read and write again:
     * both fail with {@code -ENODEV}; the close that follows frees the private data.
     *
     * @throws IllegalStateException when the model does not behave as the kernel would
     */
    public static void openUnbindReadClose() throws Exception {
        RefcountedPlatform platform = RefcountedPlatform.boot();
        try {
            File file = Devtmpfs.open(platform.nodePath());
            try {
                byte[] data = {0x12, 0x34, 0x56, 0x78};
                long written = file.write(data, 4);
                expect(written == 4, "write while bound returned " + Errno.name(written));
                byte[] back = new byte[4];
                long read = file.read(back, 4);
                expect(read == 4 && back[3] == 0x78, "read while bound returned " + Errno.name(read));

                int unbound = platform.bus().unbind(platform.device());
                expect(unbound == 0, "unbind returned " + Errno.name(unbound));

                long readAfter = file.read(back, 4);
                expect(readAfter == -Errno.ENODEV, "read after unbind returned " + Errno.name(readAfter));
                long writeAfter = file.write(data, 4);
                expect(writeAfter == -Errno.ENODEV, "write after unbind returned " + Errno.name(writeAfter));
            } finally {
                file.close();
            }
        } finally {
            platform.shutdown();
        }
    }

    private static void expect(boolean condition, String failure) {
        if (!condition) {
            throw new IllegalStateException("refcounted-drvdata story: " + failure);
        }
    }
}
