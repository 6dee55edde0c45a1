package io.devmsan.agent;

import java.io.IOException;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Rewrite throughput: every class of a large real jar through {@link DevmsanTransformer#rewrite},
 * one whole pass per measured operation, with a fresh transformer and loader each time, so that
 * the per-loader facts cache starts cold as it does when an application loads its classes once.
 * Classes per second = classes in the jar / time per pass (the census gives the count).
 *
 * <ul>
 *   <li>{@link #rewriteJar}: the transformer's whole decision (read facts, relevance scan through
 *       the facts of every referenced class, rewrite if needed);
 *   <li>{@link #readFacts}: only {@link TypeFacts#read}, the first step, so that
 *       rewriteJar minus readFacts is the cost of the relevance scan and what it reads.
 * </ul>
 *
 * <p>The fork runs under the agent only to get its classes on the class path (the agent's own
 * transformer is told to include nothing, so it stays out of the way).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 8)
@Measurement(iterations = 15)
@Fork(value = 1, jvmArgsAppend = {"-Xms1g", "-Xmx1g",
        "-javaagent:../agent/target/devmsan-agent.jar=include=none.devmsan.bench.*,log=quiet"})
public class RewriteThroughput {

    /** Relative to the benchmarks directory, where scripts/bench.sh runs JMH. */
    @Param("target/inputs/guava.jar")
    public String jar;

    private ClassCorpus corpus;
    private DevmsanTransformer transformer;
    private URLClassLoader loader;

    @Setup(Level.Trial)
    public void readCorpus() {
        corpus = ClassCorpus.read(Path.of(jar));
    }

    @Setup(Level.Iteration)
    public void freshTransformer() {
        transformer = new DevmsanTransformer(AgentOptions.DEFAULTS, new AgentLog(false), "bench");
        loader = corpus.newLoader();
    }

    @TearDown(Level.Iteration)
    public void closeLoader() throws IOException {
        loader.close();
    }

    /** One pass over the jar; returns how many classes came back untouched (null). */
    @Benchmark
    public int rewriteJar() {
        int untouched = 0;
        for (ClassCorpus.Entry entry : corpus.classes) {
            byte[] result;
            try {
                result = transformer.rewrite(loader, entry.name, entry.bytes);
            } catch (RuntimeException e) {
                // transform() would log and load the class unchanged; the census reports these.
                result = null;
            }
            if (result == null) {
                untouched++;
            }
        }
        return untouched;
    }

    /** One pass of {@link TypeFacts#read} alone. */
    @Benchmark
    public int readFacts() {
        int declaring = 0;
        for (ClassCorpus.Entry entry : corpus.classes) {
            if (TypeFacts.read(entry.bytes).declaresAnything()) {
                declaring++;
            }
        }
        return declaring;
    }
}
