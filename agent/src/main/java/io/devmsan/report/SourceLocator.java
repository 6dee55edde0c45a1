package io.devmsan.report;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the source file of a class under the configured source roots and names it relative to
 * the source base, so that SARIF results point into the repository ({@code agent/src/main/java/a/B.java})
 * and code scanning can annotate the line.
 *
 * <p>Runs in the watched JVM when it writes its reports, because only there is the working
 * directory the module's own. Results are cached: each distinct file is looked up once.
 */
public final class SourceLocator {

    private static final String MISSING = "";
    private static final int MAX_CACHED = 10_000;

    private final Path base;
    private final List<Path> roots;
    private final Map<String, String> cache = new ConcurrentHashMap<>();

    /**
     * @param workingDir what relative roots are relative to
     * @param roots source roots, relative to {@code workingDir} or absolute
     * @param base what the results are relative to; null for the repository root (the nearest
     *     directory at or above {@code workingDir} holding {@code .git}), else {@code workingDir}
     */
    public SourceLocator(Path workingDir, List<Path> roots, Path base) {
        Path dir = workingDir.toAbsolutePath().normalize();
        this.base = base != null ? dir.resolve(base).normalize() : repositoryRoot(dir);
        List<Path> resolved = new ArrayList<>();
        for (Path root : roots) {
            resolved.add(dir.resolve(root).normalize());
        }
        this.roots = List.copyOf(resolved);
    }

    /** A locator for the current working directory ({@code user.dir}). */
    public static SourceLocator forWorkingDirectory(List<Path> roots, Path base) {
        return new SourceLocator(Paths.get(System.getProperty("user.dir", ".")), roots, base);
    }

    /** The absolute directory results are relative to. */
    public Path base() {
        return base;
    }

    /**
     * The base-relative path ({@code /}-separated) of the source whose key is {@code a/b/C.java},
     * or null when no root has it or it lies outside the base.
     */
    public String locate(String sourceKey) {
        if (sourceKey == null || sourceKey.startsWith("java/") || sourceKey.startsWith("jdk/")
                || sourceKey.startsWith("sun/")) {
            return null;
        }
        String cached = cache.get(sourceKey);
        if (cached == null) {
            cached = lookUp(sourceKey);
            if (cache.size() < MAX_CACHED) {
                cache.put(sourceKey, cached);
            }
        }
        return cached == MISSING ? null : cached;
    }

    /**
     * The located sources of these frames' classes, as source key to base-relative path, sorted
     * by key; frames that do not parse or whose source is not found are left out.
     */
    public Map<String, String> locateFrames(Collection<String> frames) {
        Map<String, String> located = new TreeMap<>();
        for (String text : frames) {
            Frame frame = Frame.parse(text);
            String key = frame == null ? null : frame.sourceKey();
            if (key != null && !located.containsKey(key)) {
                String path = locate(key);
                if (path != null) {
                    located.put(key, path);
                }
            }
        }
        return located;
    }

    /** Like {@link #locateFrames} for one access site: class {@code a.b.C$D} in file {@code C.java}. */
    public void locateClass(String className, String file, Map<String, String> into) {
        String key = Frame.sourceKey(className, file);
        String path = key == null ? null : locate(key);
        if (path != null) {
            into.put(key, path);
        }
    }

    private String lookUp(String sourceKey) {
        for (Path root : roots) {
            try {
                Path candidate = root.resolve(sourceKey).normalize();
                if (candidate.startsWith(base) && Files.isRegularFile(candidate)) {
                    return base.relativize(candidate).toString().replace('\\', '/');
                }
            } catch (InvalidPathException | SecurityException e) {
                // A frame naming a file this file system cannot hold: not ours.
            }
        }
        return MISSING;
    }

    private static Path repositoryRoot(Path dir) {
        for (Path candidate = dir; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve(".git"))) {
                return candidate;
            }
        }
        return dir;
    }

    @Override
    public String toString() {
        return "sources under " + roots + " relative to " + base;
    }
}
