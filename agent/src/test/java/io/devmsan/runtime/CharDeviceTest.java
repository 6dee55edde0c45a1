package io.devmsan.runtime;

import io.devmsan.runtime.Model.Context;
import io.devmsan.runtime.Model.Thing;
import java.util.concurrent.atomic.AtomicReference;

/** Base of the tests about file operations: device {@code xyz.0} serving cdev {@code xyz0}. */
abstract class CharDeviceTest extends RuntimeTest {

    final Thing device = new Thing("xyz.0");
    final Thing cdev = new Thing("xyz0");

    /** Probes the device, allocating a context and adding the cdev in probe; returns the context. */
    Context probeWithCdev() {
        AtomicReference<Context> context = new AtomicReference<>();
        Model.probe(device, () -> {
            context.set(new Context());
            DevmsanRuntime.cdevAdd(cdev, device, Model.CDEV_ADD);
        });
        return context.get();
    }

    /** Opens a file named {@code name} on the cdev. */
    Thing open(String name) {
        Thing file = new Thing(name);
        DevmsanRuntime.fileOpened(cdev, file, Model.OPEN);
        return file;
    }
}
