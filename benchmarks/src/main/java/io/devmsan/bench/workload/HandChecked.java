package io.devmsan.bench.workload;

import io.devmsan.bench.driver.XyzDriver;
import io.devmsan.bench.hand.HandDev;
import io.devmsan.bench.hand.HandFile;
import io.devmsan.bench.hand.HandScope;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Variant 2, the limit: the same driver with hand-written checks and no agent. Same benchmark
 * methods and arguments as {@link DriverWorkload}; there is no {@code untouched} here (without an
 * agent it is {@link NoAgent#untouched}).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 2, jvmArgsAppend = {DriverWorkload.HEAP_MIN, DriverWorkload.HEAP_MAX})
public class HandChecked {

    private HandDev dev;
    private HandFile file;
    private int cmd;
    private int offset;

    @Setup
    public void bind() {
        dev = new HandDev(new HandScope(), XyzDriver.REGION_WORDS, 32);
        file = new HandFile(dev);
        Rewrite.require(!Rewrite.agentInstalled(), "the hand-checked variant runs under the agent");
    }

    @Benchmark
    public long ioctl() {
        int c = cmd++;
        return file.ioctl(c, c * 0x9E3779B97F4A7C15L);
    }

    @Benchmark
    public long ioctlDirect() {
        int c = cmd++;
        return dev.ioctl(c, c * 0x9E3779B97F4A7C15L);
    }

    @Benchmark
    public long read() {
        int at = offset;
        offset = (at + 64) & (XyzDriver.REGION_WORDS - 1);
        return file.read(at, DriverWorkload.READ_WORDS);
    }

    @Benchmark
    public int poll() {
        return file.poll();
    }
}
