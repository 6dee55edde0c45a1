package io.devmsan.agent;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What the transformer does with every class of each corpus given on the command line: how many it
 * returns untouched (null, so the JVM keeps the original bytes), rewrites, or fails on. For a
 * library with no annotations every class must come back untouched; the bench driver's classes are
 * the positive control (its annotated classes must be rewritten, the rest untouched).
 *
 * <p>Usage (under {@code -javaagent:devmsan-agent.jar=include=none.*}, for the class path):
 * {@code RewriteCensus <jar-or-dir>...}; one line per corpus, machine-readable.
 */
public final class RewriteCensus {

    private RewriteCensus() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length == 0) {
            System.err.println("usage: RewriteCensus <jar-or-class-dir>...; expected at least one corpus");
            System.exit(2);
        }
        for (String arg : args) {
            census(ClassCorpus.read(Path.of(arg)));
        }
    }

    private static void census(ClassCorpus corpus) throws IOException {
        DevmsanTransformer transformer = new DevmsanTransformer(AgentOptions.DEFAULTS, new AgentLog(false), "census");
        int untouched = 0;
        List<String> rewritten = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        try (URLClassLoader loader = corpus.newLoader()) {
            for (ClassCorpus.Entry entry : corpus.classes) {
                try {
                    if (transformer.rewrite(loader, entry.name, entry.bytes) == null) {
                        untouched++;
                    } else {
                        rewritten.add(entry.name);
                    }
                } catch (RuntimeException e) {
                    failed.add(entry.name + " (" + e + ")");
                }
            }
        }
        int total = corpus.classes.size();
        System.out.printf("census corpus=%s classes=%d untouched=%d rewritten=%d failed=%d untouchedPercent=%.2f%n",
                corpus.source.getFileName(), total, untouched, rewritten.size(), failed.size(),
                total == 0 ? 0.0 : 100.0 * untouched / total);
        rewritten.forEach(name -> System.out.println("census   rewritten " + name));
        failed.forEach(name -> System.out.println("census   failed " + name));
    }
}
