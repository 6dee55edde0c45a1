package io.devmsan.bench.workload;

import io.devmsan.bench.driver.XyzDriver;
import io.devmsan.bench.plain.FrameDecoder;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The benchmark methods every annotated-driver variant runs; a subclass per variant only chooses
 * its fork's JVM arguments ({@code @Fork} on the subclass), so all variants run the same class
 * files and differ only in whether, and how, the agent rewrote them.
 *
 * <ul>
 *   <li>{@link #ioctl}: an ioctl through the file (operation hooks + checks);
 *   <li>{@link #ioctlDirect}: the same handler called directly (checks only);
 *   <li>{@link #read}: a read of 256 words of the devres I/O region through the file;
 *   <li>{@link #poll}: a file operation that touches nothing owned (hooks only);
 *   <li>{@link #untouched}: code with no annotated member at all (must cost nothing).
 * </ul>
 *
 * <p>The agent path is relative: scripts/bench.sh runs JMH from the benchmarks directory.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public abstract class DriverWorkload {

    /** Heap fixed and equal for every fork, so that GC ergonomics cannot differ between variants. */
    static final String HEAP_MIN = "-Xms512m";
    static final String HEAP_MAX = "-Xmx512m";
    static final String AGENT = "-javaagent:../agent/target/devmsan-agent.jar";

    /** Words per read: a typical burst. */
    static final int READ_WORDS = 256;

    private DriverFixture fixture;
    /** What {@link #history()} left that must stay reachable (a file of an unbound device). */
    @SuppressWarnings("unused")
    private Object keptAlive;
    private FrameDecoder decoder;
    private int cmd;
    private int offset;

    /** Whether this variant's forks run under the agent: every variant but {@link NoAgent}. */
    boolean underAgent() {
        return true;
    }

    /** What the fork does before measuring; only for variants under the agent. */
    History history() {
        return History.PRISTINE;
    }

    /** Whether the agent tracks every file operation in this variant: as its history says, unless its options decide. */
    boolean operationsTracked() {
        return history().tracksOperations;
    }

    @Setup
    public void bind() {
        fixture = new DriverFixture();
        fixture.verify(underAgent());
        keptAlive = history().enact(fixture);
        requireAgentState("set-up");
        decoder = new FrameDecoder(256);
        Rewrite.require(!Rewrite.isRewritten(FrameDecoder.class), "FrameDecoder was rewritten");
    }

    /** A fork whose iterations ran in another state than its set-up left would have measured something else. */
    @TearDown
    public void checkAgentStateHeld() {
        requireAgentState("tear-down");
    }

    private void requireAgentState(String when) {
        if (!underAgent()) {
            return;
        }
        Rewrite.require(Rewrite.operationsTracked() == operationsTracked(), "at " + when + " operations are "
                + (operationsTracked() ? "not tracked" : "tracked") + ", which this variant does not measure");
        Rewrite.require(Rewrite.checksTokens() == history().checksTokens, "at " + when + " checks "
                + (history().checksTokens ? "test only their flag" : "load their tokens")
                + ", which this variant does not measure");
    }

    @Benchmark
    public long ioctl() {
        int c = cmd++;
        return fixture.file.ioctl(c, c * 0x9E3779B97F4A7C15L);
    }

    @Benchmark
    public long ioctlDirect() {
        int c = cmd++;
        return fixture.dev.ioctl(c, c * 0x9E3779B97F4A7C15L);
    }

    @Benchmark
    public long read() {
        int at = offset;
        offset = (at + 64) & (XyzDriver.REGION_WORDS - 1);
        return fixture.file.read(at, READ_WORDS);
    }

    @Benchmark
    public int poll() {
        return fixture.file.poll();
    }

    @Benchmark
    public long untouched() {
        return decoder.next(cmd++);
    }
}
