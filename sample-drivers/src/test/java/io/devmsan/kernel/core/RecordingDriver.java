package io.devmsan.kernel.core;

import io.devmsan.kernel.devres.Devm;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.ToIntFunction;

/** A test driver that logs probe, remove and its devres releases, and fails probe on demand. */
final class RecordingDriver implements Driver {

    final List<String> log = new CopyOnWriteArrayList<>();
    private final String name;
    private final int actions;
    private final ToIntFunction<Device> result;

    /**
     * @param name the driver's name
     * @param actions how many devm actions probe registers ({@code a0}, {@code a1}...)
     * @param result what probe returns once they are registered
     */
    RecordingDriver(String name, int actions, ToIntFunction<Device> result) {
        this.name = name;
        this.actions = actions;
        this.result = result;
    }

    static RecordingDriver succeeding(String name, int actions) {
        return new RecordingDriver(name, actions, dev -> 0);
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public int probe(Device dev) {
        log.add("probe " + dev.name());
        for (int i = 0; i < actions; i++) {
            String entry = "release a" + i;
            Devm.addAction(dev, () -> log.add(entry));
        }
        dev.setDrvdata(log);
        return result.applyAsInt(dev);
    }

    @Override
    public void remove(Device dev) {
        log.add("remove " + dev.name());
    }
}
