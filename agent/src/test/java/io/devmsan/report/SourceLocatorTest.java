package io.devmsan.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceLocatorTest {

    @TempDir
    Path repo;

    private Path module;

    private Path source(String root, String key) throws IOException {
        Path file = module.resolve(root).resolve(key);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "class X {}");
    }

    private void layout() throws IOException {
        Files.writeString(repo.resolve(".git"), "gitdir: elsewhere"); // a worktree's .git is a file
        module = Files.createDirectories(repo.resolve("drivers"));
        source("src/main/java", "com/example/XyzDriver.java");
        source("src/test/java", "com/example/XyzDriverTest.java");
    }

    @Test
    void sourcesAreFoundUnderTheRootsAndNamedRelativeToTheRepositoryRoot() throws IOException {
        layout();
        SourceLocator locator = new SourceLocator(module, List.of(Path.of("src/main/java"), Path.of("src/test/java")), null);
        assertEquals(repo.toAbsolutePath().normalize(), locator.base());
        assertEquals("drivers/src/main/java/com/example/XyzDriver.java", locator.locate("com/example/XyzDriver.java"));
        assertEquals("drivers/src/test/java/com/example/XyzDriverTest.java",
                locator.locate("com/example/XyzDriverTest.java"));
        assertNull(locator.locate("com/example/Missing.java"));
        assertNull(locator.locate("java/lang/Thread.java"));
    }

    @Test
    void framesAndAccessSitesAreLocatedByPackageAndFileName() throws IOException {
        layout();
        SourceLocator locator = new SourceLocator(module, List.of(Path.of("src/main/java")), null);
        Map<String, String> located = locator.locateFrames(List.of(
                "app//com.example.XyzDriver$Ioctl.run(XyzDriver.java:12)",
                "java.base/java.lang.Thread.run(Thread.java:840)",
                "com.example.Gone.m(Native Method)",
                "not a frame"));
        assertEquals(Map.of("com/example/XyzDriver.java", "drivers/src/main/java/com/example/XyzDriver.java"), located);
        Map<String, String> into = new java.util.TreeMap<>();
        locator.locateClass("com.example.XyzDriver$1", "XyzDriver.java", into);
        assertEquals(located, into);
    }

    @Test
    void anExplicitBaseWinsAndFilesOutsideItAreNotNamedWithDotDot() throws IOException {
        layout();
        SourceLocator locator = new SourceLocator(module, List.of(Path.of("src/main/java")), Path.of("."));
        assertEquals("src/main/java/com/example/XyzDriver.java", locator.locate("com/example/XyzDriver.java"));
        SourceLocator elsewhere = new SourceLocator(module, List.of(Path.of("src/main/java")), Path.of("../other"));
        assertNull(elsewhere.locate("com/example/XyzDriver.java"));
    }

    @Test
    void withoutARepositoryTheWorkingDirectoryIsTheBase() throws IOException {
        module = Files.createDirectories(repo.resolve("plain"));
        source("src/main/java", "a/B.java");
        SourceLocator locator = new SourceLocator(module, List.of(Path.of("src/main/java")), null);
        // The temporary directory may itself sit inside a repository; only then is the base higher.
        Path expectedBase = locator.base();
        assertEquals(expectedBase.relativize(module.resolve("src/main/java/a/B.java")).toString(), locator.locate("a/B.java"));
    }

    @Test
    void framesParseWithLoaderAndModulePrefixes() {
        assertEquals(new Frame("a.b.C$D", "m", "C.java", 42), Frame.parse("app//a.b.C$D.m(C.java:42)"));
        assertEquals(new Frame("java.lang.Thread", "run", "Thread.java", 840),
                Frame.parse("java.base@17.0.15/java.lang.Thread.run(Thread.java:840)"));
        assertEquals(new Frame("a.B", "<init>", null, -1), Frame.parse("a.B.<init>(Unknown Source)"));
        assertEquals(new Frame("a.B", "m", "B.java", -1), Frame.parse("a.B.m(B.java)"));
        assertNull(Frame.parse("garbage"));
        assertEquals("a/b/C.java", Frame.sourceKey("a.b.C$D", "C.java"));
        assertEquals("C.java", Frame.sourceKey("C", "C.java"));
    }
}
