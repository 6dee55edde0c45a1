package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class HtmlReportTest {

    static final String SCRIPT_RESOURCE = "x.Y#<script>alert(1)</script>";
    static final String IMG_DEVICE = "\"><img src=x onerror=alert(2)>";
    static final String SVG_THREAD = "</svg><script>alert(3)</script>";

    /** Two violations; the second with names that try to break out of the page. */
    static ReportSet hostileSet() {
        Map<String, Object> hostile = new LinkedHashMap<>(
                SampleReports.violation("1111111111111111", SCRIPT_RESOURCE, 2, true));
        hostile.put("device", IMG_DEVICE);
        hostile.put("thread", SVG_THREAD);
        hostile.put("timeline", List.of(SampleReports.event(0, "main", "probe", null),
                SampleReports.event(10, "main", "unbind-start", "<i>"),
                SampleReports.event(20, "main", "unbind-done", null),
                SampleReports.event(30, SVG_THREAD, "access", "'quoted' & <tagged>")));
        return ReportSet.fromJson(SampleReports.document(1, List.of(
                SampleReports.violation("b917edd4bb7b2599", SampleReports.HOLDER + "#context", 3, true), hostile)), "f");
    }

    static int occurrences(String text, String part) {
        int count = 0;
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    @Test
    void everyNameFromTheReportIsEscaped() {
        String html = hostileSet().toHtml();
        assertFalse(html.contains("<script"), "no script element, not even an injected one");
        assertFalse(html.contains("<img"), "no injected image");
        assertFalse(html.contains("</svg><script>"));
        assertTrue(html.contains("x.Y#&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertTrue(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"));
        assertTrue(html.contains("&#39;quoted&#39; &amp; &lt;tagged&gt;"));
    }

    @Test
    void thePageIsSelfContainedAndForbidsScripts() {
        String html = hostileSet().toHtml();
        assertTrue(html.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
                + "style-src 'unsafe-inline'; img-src data:\">"));
        for (String fetch : List.of(" src=\"", "href=\"http", "url(", "@import", "<link", "<iframe")) {
            assertFalse(html.contains(fetch), "loads nothing: " + fetch);
        }
    }

    @Test
    void theSummaryHasOneRowPerViolationWithRuleResourceDeviceOperationCountAndFingerprint() {
        String html = hostileSet().toHtml();
        assertEquals(2, occurrences(html, "<tr class=\"failing\">"));
        assertTrue(html.contains("<td><a href=\"#v1\">1</a></td><td><span class=\"rule\">use-after-unbind</span></td>"
                + "<td class=\"code\">io.devmsan.fixtures.ScopedHolder#context</td><td>xyz.0</td><td>ioctl</td>"
                + "<td class=\"code\">ScopedHolder.java:29</td><td class=\"num\">3</td>"
                + "<td class=\"code\">b917edd4bb7b2599</td></tr>"), html);
        assertTrue(html.contains("2 violations (5 occurrences)"));
    }

    @Test
    void eachViolationHasALifecyclePictureWithALanePerThreadAndTheAccessMarked() {
        String html = hostileSet().toHtml();
        assertEquals(2, occurrences(html, "<svg class=\"timeline\""));
        assertTrue(html.contains("data-lanes=\"2\" data-events=\"8\""), "main and reader");
        assertTrue(html.contains("<g class=\"lane\" data-thread=\"main\">"));
        assertTrue(html.contains("<g class=\"lane\" data-thread=\"reader\">"));
        assertEquals(2, occurrences(html, "<g class=\"event ev-access\""));
        assertEquals(2, occurrences(html, "class=\"access-label\""));
        assertTrue(html.contains(">READ AFTER UNBIND</text>"));
        assertEquals(2, occurrences(html, "<rect class=\"gone\" x="), "the time after unbind is shaded");
        assertTrue(html.contains("<rect class=\"bar-unbind\""));
        assertTrue(html.contains("<rect class=\"bar-op\""), "the ioctl in flight from unbind to access");
        assertTrue(html.contains(">cdev unregistered</text>"));
    }

    @Test
    void inFlightOperationsAreDrawnOnTheLaneOfTheThreadRunningThem() {
        String html = hostileSet().toHtml();
        // The op-in-flight event is logged by "main" but names thread "reader": it sits on reader's lane,
        // the second lane, whose centre is at y = 60 + 74 + 33 = 167.
        Matcher marker = Pattern.compile("<g class=\"event ev-op-in-flight\"[^>]*><title>[^<]*</title>"
                + "<circle class=\"mark\" cx=\"\\d+\" cy=\"(\\d+)\"").matcher(html);
        assertTrue(marker.find(), html);
        assertEquals("167", marker.group(1));
    }

    @Test
    void guideLabelsOfNeighbouringEventsDoNotOverlap() {
        Map<String, Object> v = new LinkedHashMap<>(SampleReports.violation("1111111111111111", "a.B#c", 1, true));
        v.put("timeline", List.of(SampleReports.event(0, "main", "probe", null),
                SampleReports.event(10, "u", "unregister", "x0"),
                SampleReports.event(20, "u", "unbind-done", null),
                SampleReports.event(30, "main", "access", null)));
        String html = ReportSet.fromJson(SampleReports.document(1, List.of(v)), "f").toHtml();
        assertTrue(html.contains("class=\"guide-label guide-unregister-label\" x=\"324\" y=\"40\">"), html);
        assertTrue(html.contains("class=\"guide-label guide-unbind-label\" x=\"424\" y=\"26\">"), "a row up");
    }

    @Test
    void stacksAreFoldedAndUserFramesStandOut() {
        String html = hostileSet().toHtml();
        assertTrue(html.contains("<details open><summary>Access stack, thread &quot;reader&quot;"));
        assertTrue(html.contains("<span class=\"user\">io.devmsan.fixtures.ScopedHolder.readContext("
                + "ScopedHolder.java:29)</span>"), "its source is known");
        assertTrue(html.contains("<span>java.base/java.lang.Thread.run(Thread.java:840)</span>"));
    }

    @Test
    void aStormOfViolationsIsSummarisedButOnlyTheFirstShownInFull() {
        List<Map<String, Object>> many = new java.util.ArrayList<>();
        for (int i = 0; i < HtmlReport.MAX_DETAILED + 5; i++) {
            many.add(SampleReports.violation(String.format("%016x", i), "x.Y#f" + i, 1, true));
        }
        String html = ReportSet.fromJson(SampleReports.document(1, many), "f").toHtml();
        assertEquals(HtmlReport.MAX_DETAILED + 5, occurrences(html, "<tr class=\"failing\">"));
        assertEquals(HtmlReport.MAX_DETAILED, occurrences(html, "<section class=\"violation\""));
        assertTrue(html.contains("the other 5 are in the summary"));
        assertTrue(html.contains("<td>" + (HtmlReport.MAX_DETAILED + 1) + "</td>"), "no link to a missing section");
    }

    @Test
    void aCleanRunSaysSo() {
        String html = ReportSet.fromJson(SampleReports.document(1, List.of()), "f").toHtml();
        assertTrue(html.contains("<p class=\"verdict pass\">No violations</p>"));
        assertFalse(html.contains("<svg class=\"timeline\""));
    }

    @Test
    void timesReadNaturally() {
        assertEquals("+0\u00b5s", Html.micros(0));
        assertEquals("+999\u00b5s", Html.micros(999));
        assertEquals("+1.5ms", Html.micros(1500));
        assertEquals("+28ms", Html.micros(28_032));
        assertEquals("+2.25s", Html.micros(2_250_000));
    }
}
