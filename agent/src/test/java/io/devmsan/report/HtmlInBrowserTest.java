package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Renders an HTML report in a real browser, headless Chromium, and checks the DOM it built: the
 * pictures are SVG with their lanes and access markers, and the hostile names stayed text.
 * Skipped, saying why, on machines without Debian's chromium package.
 */
class HtmlInBrowserTest {

    static final Path CHROMIUM = Paths.get("/usr/bin/chromium");

    @TempDir
    Path dir;

    static String dumpDom(Path html, Path profile) throws IOException, InterruptedException {
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--user-data-dir=" + profile, "--dump-dom", html.toUri().toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD) // dbus noise on headless machines
                .start();
        byte[] dom = chromium.getInputStream().readAllBytes();
        assertTrue(chromium.waitFor(60, TimeUnit.SECONDS), "chromium finished");
        assertEquals(0, chromium.exitValue(), "chromium's exit code");
        return new String(dom, StandardCharsets.UTF_8);
    }

    @Test
    void chromiumRendersTheTimelinesAsSvgAndKeepsHostileNamesAsText() throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + ": install Debian's chromium package "
                + "(apt-get install -y chromium) to run the browser check");
        Path html = Files.writeString(dir.resolve("devmsan.html"), HtmlReportTest.hostileSet().toHtml());
        String dom = dumpDom(html, Files.createDirectories(dir.resolve("profile")));

        assertTrue(dom.contains("<svg class=\"timeline\""), dom);
        assertEquals(2, HtmlReportTest.occurrences(dom, "<svg class=\"timeline\""), "one picture per violation");
        assertEquals(4, HtmlReportTest.occurrences(dom, "<g class=\"lane\""), "2 lanes + 2 lanes");
        assertEquals(2, HtmlReportTest.occurrences(dom, "<g class=\"event ev-access\""), "the access markers");
        assertTrue(dom.contains(">READ AFTER UNBIND</text>"));
        // Had a name broken out, the browser would have built elements from it.
        for (String injected : List.of("<script", "<img", "<i>")) {
            assertFalse(dom.contains(injected), injected + " became an element: " + dom);
        }
        assertTrue(dom.contains("x.Y#&lt;script&gt;alert(1)&lt;/script&gt;"), "shown as text");
    }
}
