package io.devmsan.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Every class file of a jar or a class directory, read into memory once, in a stable order, so that
 * the rewrite harnesses time the transformer and not the disk. {@code module-info} and
 * multi-release versions are left out: the JVM never hands those to a transformer as classes.
 */
final class ClassCorpus {

    /** One class file: its internal name ({@code a/b/C$D}) and bytes. */
    static final class Entry {
        final String name;
        final byte[] bytes;

        Entry(String name, byte[] bytes) {
            this.name = name;
            this.bytes = bytes;
        }
    }

    final Path source;
    final List<Entry> classes;

    private ClassCorpus(Path source, List<Entry> classes) {
        this.source = source;
        this.classes = List.copyOf(classes);
    }

    static ClassCorpus read(Path source) {
        if (!Files.exists(source)) {
            throw new IllegalArgumentException("class corpus " + source.toAbsolutePath()
                    + " does not exist; expected a jar or a class directory (run scripts/bench.sh, which fetches it)");
        }
        try {
            return new ClassCorpus(source, Files.isDirectory(source) ? fromDirectory(source) : fromJar(source));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read class corpus " + source, e);
        }
    }

    /**
     * A fresh loader that finds the corpus's class files, standing in for the application loader
     * the transformer would get: the rewrite reads the facts of referenced classes through it.
     */
    URLClassLoader newLoader() {
        try {
            return new URLClassLoader(new URL[] {source.toUri().toURL()}, ClassCorpus.class.getClassLoader());
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException("class corpus path " + source + " is not a URL", e);
        }
    }

    private static List<Entry> fromJar(Path jar) throws IOException {
        List<Entry> classes = new ArrayList<>();
        try (JarFile file = new JarFile(jar.toFile())) {
            Enumeration<JarEntry> entries = file.entries();
            while (entries.hasMoreElements()) {
                JarEntry entry = entries.nextElement();
                String name = entry.getName();
                if (isClass(name)) {
                    try (InputStream in = file.getInputStream(entry)) {
                        classes.add(new Entry(name.substring(0, name.length() - 6), in.readAllBytes()));
                    }
                }
            }
        }
        classes.sort((a, b) -> a.name.compareTo(b.name));
        return classes;
    }

    private static List<Entry> fromDirectory(Path root) throws IOException {
        List<Entry> classes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                String name = root.relativize(file).toString().replace(java.io.File.separatorChar, '/');
                if (isClass(name)) {
                    classes.add(new Entry(name.substring(0, name.length() - 6), Files.readAllBytes(file)));
                }
            }
        }
        classes.sort((a, b) -> a.name.compareTo(b.name));
        return classes;
    }

    private static boolean isClass(String name) {
        return name.endsWith(".class") && !name.startsWith("META-INF/") && !name.endsWith("module-info.class");
    }
}
