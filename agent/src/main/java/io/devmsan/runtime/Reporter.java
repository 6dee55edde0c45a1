package io.devmsan.runtime;

import io.devmsan.runtime.RuntimeConfig.OnViolation;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an access to a dead owner token into a violation: counts a known one cheaply, builds the
 * details of a new one (stacks, file operation, entry point, timeline), records it, prints it
 * once and applies the {@link OnViolation} strategy.
 *
 * <p>A violation raised while this thread is already reporting (a {@code toString()} touching
 * freed state) is counted when its fingerprint is known and otherwise dropped; it never recurses
 * and never throws.
 */
final class Reporter {

    private Reporter() {
    }

    /** An access to state owned by {@code owner}; called when it is dead, or for every access while armed. */
    static void access(Lifetime owner, int siteIndex) {
        if (DevmsanRuntime.armed) {
            AccessListener listener = Core.accessListener;
            if (listener != null) {
                listener.onAccess(owner, siteIndex);
            }
            if (FenceAnalyzer.on) {
                FenceAnalyzer.access(owner, siteIndex);
            }
        }
        if (!owner.isDead()) {
            return;
        }
        Release release = owner.release();
        String rule = release == null ? Rules.USE_AFTER_UNBIND : release.rule();
        Site site = SiteTable.INSTANCE.get(siteIndex);
        String fingerprint = site.fingerprint(rule);
        Recorder recorder = Core.recorder();
        OnViolation strategy = Core.config().onViolation();

        RecordedViolation known = recorder.countIfKnown(fingerprint);
        if (known != null) {
            if (strategy == OnViolation.THROW && !ThreadState.current().reporting) {
                throw new DevmsanViolationError(known);
            }
            return;
        }
        boolean full = recorder.full();
        if (full && strategy != OnViolation.THROW) {
            recorder.countOverflow();
            return;
        }
        ThreadState state = ThreadState.current();
        if (state.reporting) {
            return;
        }
        RecordedViolation built;
        RecordedViolation stored;
        state.reporting = true;
        try {
            built = build(state, owner, release, rule, site, strategy != OnViolation.LOG);
            stored = full ? null : recorder.record(built);
            if (stored == null && full) {
                recorder.countOverflow();
            }
        } finally {
            state.reporting = false;
        }
        if (stored == built) {
            Log.violation(built.toText());
            Core.violationRecorded();
        }
        if (strategy == OnViolation.THROW) {
            throw new DevmsanViolationError(stored != null ? stored : built);
        }
    }

    private static RecordedViolation build(ThreadState state, Lifetime owner, Release release, String rule,
            Site site, boolean failing) {
        RuntimeConfig config = Core.config();
        Registry registry = Core.registry();
        List<String> accessStack = Stacks.capture(config.stackDepth());
        DeviceRecord device = owner.device;
        String thread = Thread.currentThread().getName();

        OperationStack ops = state.operations;
        int op = ops.innermost(OperationStack.FILE_OPERATION);
        int entry = ops.innermost(OperationStack.ENTRY_POINT);
        // Only the outermost operations of the solo thread can be missing from its stack.
        UntrackedOperations.OnStack onStack = (op < 0 || entry < 0)
                && OperationTracking.mayHaveUntracked(Thread.currentThread())
                ? UntrackedOperations.onStack() : UntrackedOperations.OnStack.NONE;
        FileOperationInfo fileOperation = null;
        if (op >= 0) {
            Object file = ops.subject(op);
            FileRecord record = registry.files.get(file);
            String fileName = record != null ? record.name : Names.of(file);
            String cdev = record != null && record.cdev != null ? record.cdev.name : null;
            fileOperation = new FileOperationInfo(SiteTable.INSTANCE.get(ops.site(op)).resource, fileName, cdev,
                    record != null && record.openedBeforeUnregister(), ops.crossedUnbind(op));
        } else if (onStack.fileOperation() >= 0) {
            fileOperation = UntrackedOperations.fileOperation(onStack.fileOperation(), registry, device, release);
        }
        int entrySite = entry >= 0 ? ops.site(entry) : onStack.entryPoint();
        String entryPoint = entrySite >= 0 ? SiteTable.INSTANCE.get(entrySite).resource : null;

        StackInfo freed = release == null
                ? new StackInfo("Freed (release not recorded) of device " + device.name, "unbind", "unknown", List.of())
                : new StackInfo(release.heading(), release.kind.json(), release.thread, release.stack);
        StackInfo allocated = new StackInfo(owner.origin.label + " of device " + device.name + " on thread \""
                + owner.thread + "\"", owner.origin.name().toLowerCase(java.util.Locale.ROOT), owner.thread,
                owner.allocationStack());

        device.timeline.add("access", site.accessKind() + " " + site.resource + " (" + rule + ")");
        return new RecordedViolation(rule, device.name, thread, site, accessStack, freed, allocated, fileOperation,
                entryPoint, explain(fileOperation, release), device.timeline.copy(), failing);
    }

    /** The line under the heading: why this access is wrong, in the model's terms. */
    private static String explain(FileOperationInfo fileOperation, Release release) {
        List<String> parts = new ArrayList<>();
        if (fileOperation != null && fileOperation.openedBeforeUnregister()) {
            parts.add("file opened before its cdev was unregistered");
        }
        if (fileOperation != null && fileOperation.inFlightAcrossUnbind()) {
            parts.add("the operation was already running when the unbind completed");
        }
        parts.add(release == null ? "the owner was released" : release.explanation());
        return String.join("; ", parts);
    }
}
