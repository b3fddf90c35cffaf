package dev.patchsite.benchmarks.calls;

import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.patchsite.PatchSite;

/**
 * A tracepoint switched off and on, each against its reference: off against the same work without a tracepoint, on
 * against the same work with a direct call of the enabled variant. Run by {@code benchmarks/tracepoint-bench.sh}
 * (see {@code benchmarks/README.md}). JMH runs each benchmark in forks of its own, so {@link #tracepointOn}'s fork
 * switches the tracepoint on with {@code PatchSite.update} before measuring (with the agent, that patches the site
 * again by retransforming this class) and the others leave it off. Every benchmark does {@link CallBench}'s work on
 * a field and returns it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class TracepointBench {

    /** The input: a field, so that no call is constant-folded. */
    long x = 0x9e3779b97f4a7c15L;

    /** Switches the tracepoint on, for {@link #tracepointOn} only. */
    @State(Scope.Benchmark)
    public static class On {
        /** Points the tracepoint at its enabled variant. */
        @Setup(Level.Trial)
        public void enable() {
            PatchSite.update(Trace.class, "enabled");
        }
    }

    /** With {@code -Dcallbench.report=true}, prints the runtime's report (see {@link CallBench#report}). */
    @TearDown(Level.Trial)
    public void report() {
        if (Boolean.getBoolean("callbench.report")) {
            for (String line : PatchSite.report()) {
                System.out.println("patchsite report: " + line);
            }
        }
    }

    /** The work and nothing else: the reference of {@link #tracepointOff}. */
    @Benchmark
    public long noTracepoint() {
        long v = x;
        return HashStafford.mix(v);
    }

    /** The work behind the tracepoint, switched off. */
    @Benchmark
    public long tracepointOff() {
        long v = x;
        Trace.hit(v);
        return HashStafford.mix(v);
    }

    /** The work behind a direct call of the enabled variant: the reference of {@link #tracepointOn}. */
    @Benchmark
    public long enabledDirect() {
        long v = x;
        TraceEnabled.hit(v);
        return HashStafford.mix(v);
    }

    /**
     * The work behind the tracepoint, switched on while running.
     *
     * @param on switches it on
     * @return the work's result
     */
    @Benchmark
    public long tracepointOn(On on) {
        long v = x;
        Trace.hit(v);
        return HashStafford.mix(v);
    }
}
