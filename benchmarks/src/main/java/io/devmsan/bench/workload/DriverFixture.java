package io.devmsan.bench.workload;

import io.devmsan.bench.driver.BenchBus;
import io.devmsan.bench.driver.BenchCdev;
import io.devmsan.bench.driver.BenchDevice;
import io.devmsan.bench.driver.BenchFile;
import io.devmsan.bench.driver.IoRegion;
import io.devmsan.bench.driver.XyzContext;
import io.devmsan.bench.driver.XyzDev;
import io.devmsan.bench.driver.XyzDriver;

/**
 * The annotated driver bound to a device with an open file, as user space sees it: probe ran
 * through the bus (under the agent: a real bind scope, devres adoption, owned objects), the cdev
 * is registered and a file is open. The scope stays open: the benchmarks measure the checks on
 * live state, which is every access of a correct driver.
 */
final class DriverFixture {

    final BenchDevice device = new BenchDevice("xyz0");
    final XyzDev dev;
    final BenchCdev cdev;
    final BenchFile file;

    DriverFixture() {
        BenchBus.probe(device, new io.devmsan.bench.driver.XyzDriver());
        dev = device.drvdata();
        cdev = BenchCdev.add(device);
        file = cdev.open();
    }

    /**
     * Opens a second file from another thread, as a test suite does sooner or later: under the
     * agent, a second thread using the driver makes it track every file operation from then on.
     */
    void useFromAnotherThread() {
        Thread opener = new Thread(cdev::open, "second-opener");
        opener.start();
        try {
            opener.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while opening from another thread", e);
        }
    }

    /**
     * Binds a second device, opens a file on it and unbinds it with the file still open, the way
     * a test suite leaves things after a use-after-unbind test: under the agent a dead owner
     * token stays reachable (the file's private data), so every check takes its full path, and
     * the unbind began tracking every file operation. The returned file keeps it reachable.
     */
    BenchFile unbindAnotherKeepingItsFile() {
        BenchDevice other = new BenchDevice("xyz1");
        XyzDriver driver = new XyzDriver();
        BenchBus.probe(other, driver);
        BenchFile kept = BenchCdev.add(other).open();
        BenchBus.unbind(other, driver);
        return kept;
    }

    /**
     * Fails unless the fork is what it claims: under the agent the driver's classes are rewritten,
     * the canary passed and the private data, its context and the devres region carry live owner
     * tokens (so every check takes its full path, not only the null test); without the agent
     * nothing is rewritten.
     */
    void verify(boolean underAgent) {
        Class<?>[] owned = {XyzDev.class, XyzContext.class, IoRegion.class};
        for (Class<?> type : owned) {
            Rewrite.require(Rewrite.isRewritten(type) == underAgent, type.getName()
                    + (underAgent ? " was not rewritten: is the agent jar at ../agent/target?" : " was rewritten without the agent"));
        }
        Rewrite.require(Rewrite.agentInstalled() == underAgent, "Devmsan.isInstalled() is " + !underAgent);
        if (underAgent) {
            Rewrite.require(Rewrite.token(dev, "owner") != null, "the private data has no owner token: was probe seen?");
            Rewrite.require(Rewrite.token(dev, "context") != null, "the context field has no owner token");
            Rewrite.require(Rewrite.token(dev, "regs") != null, "the regs field has no owner token");
        }
    }
}
