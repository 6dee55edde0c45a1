package io.devmsan.runtime;

import io.devmsan.runtime.RuntimeConfig.OnViolation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Records what the fence analysis and the explorer find as violations of their own rules
 * ({@code unfenced-access}, {@code unbind-race}, {@code unbind-hang}), so that they reach the
 * console, the report file and {@link Devmsan#since} like any use after unbind. Deduplicated by
 * fingerprint like every violation; never thrown, whatever {@link OnViolation} says, because
 * nothing went wrong at the place where they are found.
 */
final class Findings {

    /** Sites registered for findings, by place: a finding found again reuses its site. */
    private static final ConcurrentHashMap<String, Integer> SITES = new ConcurrentHashMap<>();

    private Findings() {
    }

    /**
     * An access that held no fence the unbind of {@code device} synchronized with (or, when
     * {@code freedBeforeFence}, only fences it synchronized after freeing the accessed state).
     */
    static Violation unfencedAccess(FenceAnalyzer.Pending access, DeviceRecord device, List<String> synchronizedNames,
            boolean freedBeforeFence) {
        String synced = synchronizedNames.isEmpty() ? "no fence" : String.join(", ", synchronizedNames);
        String held = access.heldNames.isEmpty() ? "no read side of any fence"
                : freedBeforeFence ? String.join(", ", access.heldNames) + ", but the unbind freed this state before "
                        + "synchronizing with it"
                : "only " + String.join(", ", access.heldNames);
        StackInfo unbind = new StackInfo("Unbind of device " + device.name + " on thread \"" + device.unbindThread
                + "\" would not wait for it; it synchronized with " + synced, "unbind", device.unbindThread,
                device.unbindStack);
        String explanation = "no unbind raced this access, but its thread held " + held + ", and the unbind of device "
                + device.name + " synchronized with " + synced + ": an unbind at this moment would not have waited";
        return record(new RecordedViolation(Rules.UNFENCED_ACCESS, device.name, access.thread,
                SiteTable.INSTANCE.get(access.site), access.stack, unbind, allocation(access.owner),
                access.fileOperation, access.entryPoint, explanation, device.timeline.copy(), failing()));
    }

    /**
     * A schedule of the explorer in which {@code offending} happened: the same place, the access as
     * this schedule made it, the interleaving as its timeline, the schedule in its explanation.
     */
    static Violation race(Violation offending, int accessSite, String thread, List<String> accessStack,
            String explanation, List<TimelineEntry> steps) {
        Site access = SiteTable.INSTANCE.get(accessSite);
        int site = access == Site.UNKNOWN
                ? site(kindOf(offending.accessKind()), offending.accessClass(), offending.accessMethod(),
                        offending.accessFile(), offending.accessLine(), offending.resource())
                : accessSite;
        StackInfo release;
        StackInfo allocation;
        FileOperationInfo fileOperation = null;
        if (offending instanceof RecordedViolation) {
            RecordedViolation recorded = (RecordedViolation) offending;
            release = recorded.release();
            allocation = recorded.allocation();
        } else {
            release = new StackInfo("Released", "unbind", "unknown", offending.unbindStack());
            allocation = new StackInfo("Allocated", "allocated", "unknown", offending.allocationStack());
        }
        Violation.FileOperation op = offending.fileOperation();
        if (op != null) {
            fileOperation = new FileOperationInfo(op.name(), op.file(), op.cdev(), op.openedBeforeUnregister(),
                    op.inFlightAcrossUnbind());
        }
        return record(new RecordedViolation(Rules.UNBIND_RACE, offending.device(), thread,
                SiteTable.INSTANCE.get(site), accessStack, release, allocation, fileOperation,
                offending.entryPoint(), explanation, steps, failing()));
    }

    /**
     * A schedule in which neither side finished: reported at the story's blocking frame, with the
     * story's stack as the access stack and the injected action's stack as the release stack.
     */
    static Violation hang(String device, StackTraceElement blockedAt, String blockedOn, String storyThread,
            List<String> storyStack, String actionThread, List<String> actionStack, String explanation,
            List<TimelineEntry> steps) {
        int site = site(Sites.Kind.LIFECYCLE, blockedAt.getClassName(), blockedAt.getMethodName(),
                blockedAt.getFileName(), blockedAt.getLineNumber(), blockedOn);
        StackInfo action = new StackInfo("Injected action blocked on thread \"" + actionThread + "\"", "unbind",
                actionThread, actionStack);
        StackInfo story = new StackInfo("Story blocked on thread \"" + storyThread + "\" at " + blockedOn, "story",
                storyThread, storyStack);
        return record(new RecordedViolation(Rules.UNBIND_HANG, device, storyThread, SiteTable.INSTANCE.get(site),
                storyStack, action, story, null, null, explanation, steps, failing()));
    }

    private static int site(Sites.Kind kind, String className, String method, String file, int line, String resource) {
        String key = kind + "|" + className + "|" + method + "|" + file + "|" + line + "|" + resource;
        return SITES.computeIfAbsent(key, k -> SiteTable.INSTANCE.add(kind, className, method, file, line, resource));
    }

    private static Sites.Kind kindOf(String accessKind) {
        switch (accessKind == null ? "" : accessKind.toLowerCase(Locale.ROOT)) {
            case "read":
                return Sites.Kind.OWNED_FIELD_READ;
            case "write":
                return Sites.Kind.OWNED_FIELD_WRITE;
            default:
                return Sites.Kind.OWNED_CALL;
        }
    }

    private static StackInfo allocation(Lifetime owner) {
        return new StackInfo(owner.origin.label + " of device " + owner.device.name + " on thread \"" + owner.thread
                + "\"", owner.origin.name().toLowerCase(Locale.ROOT), owner.thread, owner.allocationStack());
    }

    private static boolean failing() {
        return Core.config().onViolation() != OnViolation.LOG;
    }

    /** Records like {@link Reporter} does, without throwing: the first occurrence is printed once. */
    private static Violation record(RecordedViolation built) {
        Recorder recorder = Core.recorder();
        RecordedViolation known = recorder.countIfKnown(built.fingerprint());
        if (known != null) {
            return known;
        }
        if (recorder.full()) {
            recorder.countOverflow();
            return built;
        }
        RecordedViolation stored = recorder.record(built);
        if (stored == built) {
            Log.violation(built.toText());
            Core.violationRecorded();
        }
        return stored == null ? built : stored;
    }

    /** Steps of an interleaving as timeline entries, for the violation's timeline. */
    static List<TimelineEntry> steps(List<ExplorerHooks.Step> steps) {
        List<TimelineEntry> entries = new ArrayList<>(steps.size());
        for (ExplorerHooks.Step step : steps) {
            entries.add(new TimelineEntry(step.tUs(), step.thread(), step.event(), step.detail()));
        }
        return entries;
    }
}
