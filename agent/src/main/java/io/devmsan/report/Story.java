package io.devmsan.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The story of a violation in the order it happened: where the resource was allocated, the file
 * opened, the character device unregistered, the device unbound, and the access. SARIF tells it
 * as a code flow, the HTML page next to the timeline picture.
 */
final class Story {

    private Story() {
    }

    /**
     * One step.
     *
     * @param kind allocation, open, unregister, unbind or access
     * @param text what happened, one sentence
     * @param frame where (its file and line), or null when not known
     * @param located whether {@code frame}'s source was found under the source roots
     */
    record Step(String kind, String text, Frame frame, boolean located) {
    }

    static List<Step> of(Finding finding, Map<String, String> sources) {
        List<Step> steps = new ArrayList<>();
        String device = finding.device();

        List<String> allocation = finding.allocationStack();
        String origin = finding.allocationOrigin() == null ? "probe" : finding.allocationOrigin();
        steps.add(step("allocation", originPhrase(origin, finding.resource()) + " in the bind scope of device " + device + onThread(finding.allocationThread())
                + (allocation.isEmpty() ? " (no stack recorded: provenance none)" : ""), allocation, sources));

        if (finding.fileOperation() != null) {
            Finding.TimelineStep open = firstEvent(finding, "open");
            if (open != null) {
                steps.add(new Step("open", "File opened on " + cdev(open, finding) + onThread(open.thread())
                        + " at " + Html.micros(open.tUs()), null, false));
            }
        }
        Finding.TimelineStep unregister = firstEvent(finding, "unregister");
        if (unregister != null) {
            steps.add(new Step("unregister", "Character device " + cdev(unregister, finding)
                    + " unregistered" + onThread(unregister.thread()) + " at " + Html.micros(unregister.tUs())
                    + ": new opens fail, files already open keep reaching the driver", null, false));
        }

        String released;
        switch (finding.unbindKind()) {
            case "failed-probe":
                released = "Probe of device " + device + " failed" + onThread(finding.unbindThread())
                        + ": its bind scope was released";
                break;
            case "free":
                released = "Freed" + onThread(finding.unbindThread());
                break;
            default:
                released = "Device " + device + " unbound" + onThread(finding.unbindThread())
                        + ": its bind scope was released, and with it the resource";
        }
        steps.add(step("unbind", released, finding.unbindStack(), sources));

        Frame access = new Frame(String.valueOf(finding.accessClass()), String.valueOf(finding.accessMethod()),
                finding.accessFile(), finding.accessLine());
        String key = access.sourceKey();
        steps.add(new Step("access", capitalized(finding.accessKind()) + " of " + finding.resource()
                + (finding.fileOperation() != null ? " in file operation " + finding.fileOperation() : "")
                + onThread(finding.thread()) + ": " + finding.rule(), finding.accessClass() == null ? null : access,
                key != null && sources.containsKey(key)));
        return steps;
    }

    /** The first frame whose source was found (the first user frame), else the first frame, else null. */
    static Step step(String kind, String text, List<String> stack, Map<String, String> sources) {
        Frame first = null;
        for (String line : stack) {
            Frame frame = Frame.parse(line);
            if (frame == null) {
                continue;
            }
            if (frame.sourceKey() != null && sources.containsKey(frame.sourceKey())) {
                return new Step(kind, text, frame, true);
            }
            if (first == null) {
                first = frame;
            }
        }
        return new Step(kind, text, first, false);
    }

    private static Finding.TimelineStep firstEvent(Finding finding, String event) {
        for (Finding.TimelineStep step : finding.timeline()) {
            if (step.event().equals(event)) {
                return step;
            }
        }
        return null;
    }

    private static String cdev(Finding.TimelineStep event, Finding finding) {
        if (event.detail() != null) {
            return event.detail();
        }
        return finding.fileOperationCdev() != null ? finding.fileOperationCdev() : "its cdev";
    }

    private static String originPhrase(String origin, String resource) {
        String type = resource.replaceFirst("#.*", "");
        switch (origin) {
            case "allocated":
                return "Allocated " + type;
            case "stored":
                return "Stored into " + resource;
            case "adopted":
                return "Adopted by devres: " + type;
            default:
                return "Owned by the probe: " + resource;
        }
    }

    private static String onThread(String thread) {
        return thread == null ? "" : " on thread \"" + thread + "\"";
    }

    static String capitalized(String word) {
        return word == null || word.isEmpty() ? "Access" : Character.toUpperCase(word.charAt(0)) + word.substring(1);
    }
}
