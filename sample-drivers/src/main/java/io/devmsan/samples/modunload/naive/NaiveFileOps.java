package io.devmsan.samples.modunload.naive;

import io.devmsan.kernel.cdev.File;
import io.devmsan.kernel.cdev.FileOperations;

/**
 * The naive module's file operations: open and release count the open files under the module's
 * mutex, which is all the protection against unload the module has.
 */
final class NaiveFileOps implements FileOperations {

    static final NaiveFileOps INSTANCE = new NaiveFileOps();

    private NaiveFileOps() {
    }

    @Override
    public int open(File file) {
        NaiveStatics statics = file.cdev().container(NaiveStatics.class);
        // An unload deciding under this mutex makes the open wait here; if the unload goes ahead,
        // the module's memory is gone by the time the mutex is ours.
        statics.lock.lock(); // devmsan: expect unbind-race, unfenced-access
        statics.opens++; // devmsan: expect use-after-free, unbind-race
        statics.lock.unlock(); // devmsan: expect use-after-free
        file.setPrivateData(statics);
        return 0;
    }

    @Override
    public int release(File file) {
        NaiveStatics statics = file.privateData(NaiveStatics.class);
        // A file that was opened in the race above closes into the same freed static data.
        statics.lock.lock(); // devmsan: expect use-after-free, unfenced-access
        statics.opens--; // devmsan: expect use-after-free
        statics.lock.unlock();
        file.setPrivateData(null);
        return 0;
    }
}
