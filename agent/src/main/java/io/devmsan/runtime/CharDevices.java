package io.devmsan.runtime;

/**
 * Character devices, files and the operations running on them: which device a file reaches,
 * whether it was opened before its cdev was unregistered, and which operations (and
 * asynchronous entry points) were still running when an unbind completed.
 *
 * <p>Entering and leaving an operation, the only frequent path, is in {@link DevmsanRuntime}: a
 * ThreadLocal get and a push into a preallocated {@link OperationStack}; files are looked up only
 * when something is reported, when an unbind scans, or at full provenance.
 */
final class CharDevices {

    private CharDevices() {
    }

    static void cdevAdd(Object cdev, Object device, int site) {
        if (cdev == null) {
            return;
        }
        Registry registry = Core.registry();
        DeviceRecord owner = device == null ? null : registry.device(device);
        String name = Names.of(cdev);
        registry.cdevs.put(cdev, new CdevRecord(owner, name, registry.nextSequence()));
        if (owner != null) {
            owner.timeline.add("cdev-add", name);
        }
    }

    static void cdevDel(Object cdev, int site) {
        Registry registry = Core.registry();
        CdevRecord record = registry.cdevs.get(cdev);
        if (record == null) {
            return;
        }
        record.delSequence = registry.nextSequence();
        if (record.device != null) {
            record.device.timeline.add("unregister", record.name);
        }
    }

    static void fileOpened(Object cdev, Object file, int site) {
        Registry registry = Core.registry();
        CdevRecord cdevRecord = registry.cdevs.get(cdev);
        DeviceRecord device = cdevRecord == null ? null : cdevRecord.device;
        if (file == null) {
            if (device != null) {
                device.timeline.add("open-failed", cdevRecord.name);
            }
            return;
        }
        String name = Names.of(file);
        registry.files.put(file, new FileRecord(cdevRecord, name, registry.nextSequence(),
                Thread.currentThread().getName()));
        if (device != null) {
            device.timeline.add("open", name);
        }
    }

    /** What entering an operation does beyond the push, when fence analysis or full provenance is on. */
    static void operationDetails(OperationStack operations, Object file, int site) {
        if (FenceAnalyzer.on) {
            operations.state.forgetRemovalSyncs();
        }
        if (Core.fullProvenance) {
            Registry registry = Core.registry();
            FileRecord record = registry.files.get(file);
            if (record != null && record.cdev != null && record.cdev.device != null) {
                record.cdev.device.timeline.add("op", SiteTable.INSTANCE.get(site).resource, record.name);
            }
        }
    }

    /** The same for an entry point. */
    static void entryDetails(OperationStack operations, Object device, int site) {
        if (FenceAnalyzer.on) {
            operations.state.forgetRemovalSyncs();
        }
        if (Core.fullProvenance) {
            DeviceRecord record = Core.registry().devices.get(device);
            if (record != null) {
                record.timeline.add("entry", SiteTable.INSTANCE.get(site).resource);
            }
        }
    }

    /**
     * At unbind completion: every file operation on one of {@code device}'s files, and every entry
     * point into {@code device}, still running on any thread gets a timeline event and a mark, so
     * that a violation it causes later says it was in flight across the unbind.
     */
    static void markInFlight(DeviceRecord device) {
        Registry registry = Core.registry();
        for (OperationStack stack : ThreadState.allOperationStacks()) {
            Thread thread = stack.thread.get();
            String threadName = thread == null ? "?" : thread.getName();
            stack.scan((type, subject, site) -> {
                String what = SiteTable.INSTANCE.get(site).resource;
                if (type == OperationStack.FILE_OPERATION) {
                    FileRecord file = registry.files.get(subject);
                    if (file == null || file.cdev == null || file.cdev.device != device) {
                        return false;
                    }
                    device.timeline.add("op-in-flight", what + " on " + file.name + " (thread " + threadName + ")");
                    return true;
                }
                if (registry.devices.get(subject) != device) {
                    return false;
                }
                device.timeline.add("entry-in-flight", what + " (thread " + threadName + ")");
                return true;
            });
        }
    }
}
