package io.devmsan.runtime;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The file operations and entry points a report finds on the call stack rather than on the
 * thread's {@link OperationStack}: those the solo thread entered before tracking began (see
 * {@link OperationTracking}). Cold: used only while a report is built.
 *
 * <p>Such an operation started before the first event that could end a lifetime and is still
 * running, so whether it was in flight across the unbind follows from the release alone. Its file
 * is not known; it is inferred from the files opened on the device's character devices, exact
 * when there is one.
 */
final class UntrackedOperations {

    /** {@code class.method} of each {@code @Lifecycle.FileOperation} method, to its site. */
    private static final ConcurrentHashMap<String, Integer> FILE_OPERATIONS = new ConcurrentHashMap<>();

    /** {@code class.method} of each {@code @Lifecycle.EntryPoint} method, to its site. */
    private static final ConcurrentHashMap<String, Integer> ENTRY_POINTS = new ConcurrentHashMap<>();

    private UntrackedOperations() {
    }

    /** Registers the method of {@code site} as an operation of {@code type}. */
    static void mark(int site, byte type) {
        Site registered = SiteTable.INSTANCE.get(site);
        String key = registered.className + '.' + registered.methodName;
        // Overloads share a key: the first one's operation name stands for all of them.
        (type == OperationStack.FILE_OPERATION ? FILE_OPERATIONS : ENTRY_POINTS).putIfAbsent(key, site);
    }

    /**
     * The sites of the innermost file operation and entry point methods on the current thread's
     * stack, found in one walk. Only meaningful for a type the thread's operation stack has none of.
     */
    static OnStack onStack() {
        if (FILE_OPERATIONS.isEmpty() && ENTRY_POINTS.isEmpty()) {
            return OnStack.NONE;
        }
        int[] found = {-1, -1};
        StackWalker.getInstance().forEach(frame -> {
            String key = frame.getClassName() + '.' + frame.getMethodName();
            Integer op = found[0] < 0 ? FILE_OPERATIONS.get(key) : null;
            if (op != null) {
                found[0] = op;
            }
            Integer entry = found[1] < 0 ? ENTRY_POINTS.get(key) : null;
            if (entry != null) {
                found[1] = entry;
            }
        });
        return new OnStack(found[0], found[1]);
    }

    /** What {@link #onStack} found: the two sites, -1 for none. */
    record OnStack(int fileOperation, int entryPoint) {
        static final OnStack NONE = new OnStack(-1, -1);
    }

    /**
     * The file operation of {@code site}, running since before tracking began, that touched
     * state of {@code device} released by {@code release}.
     */
    static FileOperationInfo fileOperation(int site, Registry registry, DeviceRecord device, Release release) {
        List<FileRecord> candidates = new ArrayList<>();
        for (Object file : registry.files.keys()) {
            FileRecord record = registry.files.get(file);
            if (record != null && record.cdev != null && record.cdev.device == device) {
                candidates.add(record);
            }
        }
        boolean inFlight = release != null
                && (release.kind == Release.Kind.UNBIND || release.duringUnbind && !device.unbinding);
        String name = SiteTable.INSTANCE.get(site).resource;
        if (candidates.isEmpty()) {
            return new FileOperationInfo(name, "unknown (the operation started before devmsan tracked operations)",
                    null, false, inFlight);
        }
        if (candidates.size() == 1) {
            FileRecord file = candidates.get(0);
            return new FileOperationInfo(name, file.name, file.cdev.name, file.openedBeforeUnregister(), inFlight);
        }
        Set<String> cdevs = new LinkedHashSet<>();
        boolean allBefore = true;
        for (FileRecord file : candidates) {
            cdevs.add(file.cdev.name);
            allBefore &= file.openedBeforeUnregister();
        }
        String file = "one of the " + candidates.size() + " files opened on " + String.join(", ", cdevs)
                + " (the operation started before devmsan tracked operations)";
        return new FileOperationInfo(name, file, cdevs.size() == 1 ? cdevs.iterator().next() : null, allBefore,
                inFlight);
    }
}
