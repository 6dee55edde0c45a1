package io.devmsan.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The lifecycle picture of one violation, as inline SVG: one horizontal lane per thread, one
 * column per event in time order (equal spacing keeps bursts of microsecond events readable; each
 * marker carries its real time), the unbind drawn as a bar, the time after it shaded red, and the
 * access as a large red diamond. Hovering a marker shows its full text.
 */
final class TimelineSvg {

    private static final int LABEL_WIDTH = 170;
    private static final int COLUMN = 100;
    private static final int TOP = 60;
    private static final int LANE = 74;
    private static final int BOTTOM = 10;
    private static final int FIT_WIDTH = 2200;

    /** The thread an in-flight event names: {@code ioctl on file0 (thread reader)}. */
    private static final Pattern NAMED_THREAD = Pattern.compile("\\(thread (.*)\\)$");

    private final Finding finding;
    private final List<Finding.TimelineStep> events;
    private final Map<String, Integer> lanes = new LinkedHashMap<>();
    private final List<Integer> laneOf = new ArrayList<>();
    private final StringBuilder svg = new StringBuilder(8192);
    /** Where the last guide label ends, so that the next one moves up a row instead of overlapping it. */
    private int guideLabelEnd = Integer.MIN_VALUE;

    private TimelineSvg(Finding finding) {
        this.finding = finding;
        this.events = finding.timeline();
        for (Finding.TimelineStep event : events) {
            laneOf.add(lanes.computeIfAbsent(laneThread(event), thread -> lanes.size()));
        }
    }

    static String render(Finding finding) {
        if (finding.timeline().isEmpty()) {
            return "<p class=\"muted\">No lifecycle events were recorded for this device.</p>";
        }
        return new TimelineSvg(finding).draw();
    }

    private String draw() {
        // Room on the right for the access's label, which sits beside the last marker.
        int width = LABEL_WIDTH + events.size() * COLUMN + 170;
        int height = TOP + lanes.size() * LANE + BOTTOM;
        svg.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width)
                .append("\" height=\"").append(height).append("\" viewBox=\"0 0 ").append(width).append(' ')
                .append(height).append("\" role=\"img\" aria-label=\"Lifecycle of device ")
                .append(Html.escape(finding.device())).append("\" data-lanes=\"").append(lanes.size())
                .append("\" data-events=\"").append(events.size()).append('"')
                // A short story shrinks to the page's width; a long one keeps its size and scrolls.
                .append(width <= FIT_WIDTH ? " style=\"max-width:100%;height:auto\"" : "").append('>');
        drawLanes(width);
        drawZones(width, height);
        drawBars();
        for (int i = 0; i < events.size(); i++) {
            drawEvent(i);
        }
        return svg.append("</svg>").toString();
    }

    private void drawLanes(int width) {
        int lane = 0;
        for (String thread : lanes.keySet()) {
            int top = TOP + lane * LANE;
            svg.append("<g class=\"lane\" data-thread=\"").append(Html.escape(thread)).append("\">");
            svg.append("<rect x=\"0\" y=\"").append(top).append("\" width=\"").append(width).append("\" height=\"")
                    .append(LANE).append("\" class=\"").append(lane % 2 == 0 ? "lane-even" : "lane-odd").append("\"/>");
            svg.append("<line x1=\"").append(LABEL_WIDTH - 8).append("\" y1=\"").append(centre(lane))
                    .append("\" x2=\"").append(width - 12).append("\" y2=\"").append(centre(lane))
                    .append("\" class=\"lane-line\"/>");
            svg.append("<text x=\"12\" y=\"").append(centre(lane) + 4).append("\" class=\"lane-label\"><title>thread ")
                    .append(Html.escape(thread)).append("</title>").append(Html.shortened(thread, 22))
                    .append("</text></g>");
            lane++;
        }
    }

    /** Red after each completed unbind, until the next probe; guide lines at unregister and unbind. */
    private void drawZones(int width, int height) {
        Integer goneFrom = null;
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i).event();
            if (event.equals("unbind-done") || event.equals("probe-failed")) {
                goneFrom = i;
            } else if (event.equals("probe") && goneFrom != null) {
                zone(goneFrom, x(i) - COLUMN / 2, height);
                goneFrom = null;
            }
            if (event.equals("unregister")) {
                guide(i, "guide-unregister", "cdev unregistered", height);
            }
        }
        if (goneFrom != null) {
            zone(goneFrom, width, height);
        }
    }

    private void zone(int from, int toX, int height) {
        int x = x(from);
        svg.append("<rect class=\"gone\" x=\"").append(x).append("\" y=\"").append(TOP - 16).append("\" width=\"")
                .append(Math.max(0, toX - x)).append("\" height=\"").append(height - TOP + 16 - BOTTOM)
                .append("\"/>");
        guide(from, "guide-unbind", events.get(from).event().equals("probe-failed")
                ? "probe failed: scope released" : "device unbound: scope released", height);
    }

    private void guide(int index, String cssClass, String label, int height) {
        int x = x(index);
        boolean upper = x + 4 < guideLabelEnd;
        guideLabelEnd = x + 4 + label.length() * 7;
        int labelY = upper ? TOP - 34 : TOP - 20;
        svg.append("<line class=\"").append(cssClass).append("\" x1=\"").append(x).append("\" y1=\"")
                .append(labelY + 4).append("\" x2=\"").append(x).append("\" y2=\"").append(height - BOTTOM)
                .append("\"/><text class=\"guide-label ").append(cssClass).append("-label\" x=\"").append(x + 4)
                .append("\" y=\"").append(labelY).append("\">").append(Html.escape(label)).append("</text>");
    }

    /** The unbind as a bar on its thread's lane, and an operation in flight across it up to the access. */
    private void drawBars() {
        int start = -1;
        int inFlight = -1;
        for (int i = 0; i < events.size(); i++) {
            String event = events.get(i).event();
            if (event.equals("unbind-start")) {
                start = i;
            } else if (event.equals("unbind-done") && start >= 0 && laneOf.get(start).equals(laneOf.get(i))) {
                bar("bar-unbind", start, i);
                start = -1;
            } else if (event.equals("op-in-flight") || event.equals("entry-in-flight")) {
                inFlight = i;
            } else if (event.equals("access") && inFlight >= 0 && laneOf.get(inFlight).equals(laneOf.get(i))) {
                bar("bar-op", inFlight, i);
                inFlight = -1;
            }
        }
    }

    private void bar(String cssClass, int from, int to) {
        svg.append("<rect class=\"").append(cssClass).append("\" x=\"").append(x(from)).append("\" y=\"")
                .append(centre(laneOf.get(from)) - 6).append("\" width=\"").append(x(to) - x(from))
                .append("\" height=\"12\" rx=\"6\"/>");
    }

    private void drawEvent(int i) {
        Finding.TimelineStep event = events.get(i);
        String kind = event.event();
        int x = x(i);
        int y = centre(laneOf.get(i));
        svg.append("<g class=\"event ev-").append(cssName(kind)).append("\" data-event=\"").append(Html.escape(kind))
                .append("\"><title>").append(Html.escape(Html.micros(event.tUs()) + "  " + event.thread() + ": " + kind
                        + (event.detail() == null ? "" : " " + event.detail()))).append("</title>");
        marker(kind, x, y);
        if (kind.equals("access")) {
            // The picture's point: beside the diamond when it is last, else above the other labels.
            boolean last = i == events.size() - 1;
            svg.append("<text class=\"access-label\" x=\"").append(last ? x + 22 : x).append("\" y=\"")
                    .append(last ? y + 5 : y - 30).append("\" text-anchor=\"").append(last ? "start" : "middle")
                    .append("\">").append(Html.escape(finding.accessKind().toUpperCase(java.util.Locale.ROOT)
                            + " AFTER " + (finding.unbindKind().equals("free") ? "FREE" : "UNBIND")))
                    .append("</text>");
        } else {
            svg.append("<text class=\"event-label\" x=\"").append(x).append("\" y=\"").append(y - 17).append("\">")
                    .append(Html.shortened(kind, 18)).append("</text>");
        }
        svg.append("<text class=\"event-time\" x=\"").append(x).append("\" y=\"").append(y + 24).append("\">")
                .append(Html.escape(Html.micros(event.tUs()))).append("</text>");
        if (event.detail() != null) {
            svg.append("<text class=\"event-detail\" x=\"").append(x).append("\" y=\"").append(y + 36).append("\">")
                    .append(Html.shortened(event.detail(), 17)).append("</text>");
        }
        svg.append("</g>");
    }

    private void marker(String kind, int x, int y) {
        switch (kind) {
            case "access":
                svg.append("<circle class=\"halo\" cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"17\"/>")
                        .append("<path class=\"mark\" d=\"M").append(x).append(' ').append(y - 11).append(" L")
                        .append(x + 11).append(' ').append(y).append(" L").append(x).append(' ').append(y + 11)
                        .append(" L").append(x - 11).append(' ').append(y).append(" Z\"/>");
                break;
            case "cdev-add":
                svg.append("<rect class=\"mark\" x=\"").append(x - 6).append("\" y=\"").append(y - 6)
                        .append("\" width=\"12\" height=\"12\" rx=\"2\"/>");
                break;
            case "unregister":
                svg.append("<path class=\"mark\" d=\"M").append(x - 7).append(' ').append(y - 6).append(" L")
                        .append(x + 7).append(' ').append(y - 6).append(" L").append(x).append(' ').append(y + 7)
                        .append(" Z\"/>");
                break;
            default:
                int r = kind.startsWith("probe") || kind.startsWith("unbind") || kind.startsWith("open")
                        || kind.endsWith("in-flight") ? 7 : 5;
                svg.append("<circle class=\"mark\" cx=\"").append(x).append("\" cy=\"").append(y).append("\" r=\"")
                        .append(r).append("\"/>");
        }
    }

    /** The lane an event is drawn on: an in-flight event belongs to the thread running the operation. */
    private static String laneThread(Finding.TimelineStep event) {
        if (event.event().endsWith("-in-flight") && event.detail() != null) {
            Matcher named = NAMED_THREAD.matcher(event.detail());
            if (named.find()) {
                return named.group(1);
            }
        }
        return event.thread() == null ? "?" : event.thread();
    }

    /** Event names become CSS class names; anything unexpected becomes {@code other}. */
    private static String cssName(String kind) {
        return kind.matches("[a-z-]{1,40}") ? kind : "other";
    }

    private static int x(int index) {
        return LABEL_WIDTH + COLUMN / 2 + index * COLUMN;
    }

    private static int centre(int lane) {
        return TOP + lane * LANE + LANE / 2 - 4;
    }
}
