package dev.patchsite.benchmarks.calls;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

import dev.patchsite.PatchSite;

/**
 * The cost of one call: through a patch site ({@link #site}, which the linker binds in each mode) against a direct
 * static call of the implementation and the idioms users write today; and a switched-off tracepoint against no
 * tracepoint and a volatile-flag check. Run by {@code benchmarks/call-bench.sh} (see {@code benchmarks/README.md}).
 *
 * <p>Every benchmark mixes the same {@code @State} field (never a constant, so nothing folds) and returns the result
 * (JMH consumes it). The selection is read from the property the runtime reads,
 * {@code patchsite.select.dev.patchsite.benchmarks.calls.Hash}: the script sets it to {@code stafford}, so that every
 * path runs {@link HashStafford#mix}'s code ({@link #site} in a linked jar, {@link #direct}, the idioms). Unlinked,
 * {@link #site} runs {@link Hash#mix}'s default, which costs the same.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@State(Scope.Thread)
@Fork(2)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
public class CallBench {

    /** The property the runtime selects {@link Hash}'s variant by; the idioms below follow it too. */
    static final String SELECT = "patchsite.select." + Hash.class.getName();

    /** The idiom: a {@code static final} interface field, set once at start-up. */
    static final Mixer MIXER = "stafford".equals(System.getProperty(SELECT)) ? new Mixer.Stafford() : new Mixer.Murmur();

    /** The idiom: a volatile field (so it can be changed while running). */
    static volatile Mixer volatileMixer = MIXER;

    /** The idiom: a {@code static final MethodHandle} of the implementation, set once at start-up. */
    static final MethodHandle MIX = mixHandle();

    /** The idiom of a switchable tracepoint: a volatile flag checked at each call. */
    static volatile boolean tracing;

    /** The input: a field, so that no call is constant-folded. */
    long x = 0x9e3779b97f4a7c15L;

    private static MethodHandle mixHandle() {
        try {
            Class<?> implementation = "stafford".equals(System.getProperty(SELECT)) ? HashStafford.class : Hash.class;
            return MethodHandles.lookup().findStatic(implementation, "mix", MethodType.methodType(long.class, long.class));
        } catch (ReflectiveOperationException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /**
     * With {@code -Dcallbench.report=true}, prints the runtime's report at the end of the fork's trial: how each group
     * is bound (how many sites the agent patched, indy sites and trampolines bound). {@code call-bench.sh} checks it
     * before measuring. (The report {@code -Dpatchsite.verbose=true} prints at exit can be lost: JMH stops relaying
     * the fork's output before its shutdown hooks run.)
     */
    @TearDown(Level.Trial)
    public void report() {
        if (Boolean.getBoolean("callbench.report")) {
            for (String line : PatchSite.report()) {
                System.out.println("patchsite report: " + line);
            }
        }
    }

    /** The patch site: a plain call of the function; what it costs depends on how the jar was linked. */
    @Benchmark
    public long site() {
        return Hash.mix(x);
    }

    /** The reference: a direct static call of the implementation. */
    @Benchmark
    public long direct() {
        return HashStafford.mix(x);
    }

    /**
     * Through a hand-written forwarder ({@link HashForwarder}): the cost of one more frame, the floor of a trampoline
     * (a trampoline is a forwarder that tests its constant first).
     */
    @Benchmark
    public long forwarder() {
        return HashForwarder.mix(x);
    }

    /** Through a {@code static final} interface field. */
    @Benchmark
    public long interfaceField() {
        return MIXER.mix(x);
    }

    /** Through a volatile interface field. */
    @Benchmark
    public long volatileField() {
        return volatileMixer.mix(x);
    }

    /** Through a {@code static final MethodHandle}. */
    @Benchmark
    public long methodHandle() throws Throwable {
        return (long) MIX.invokeExact(x);
    }

    /** The work of {@link #direct} behind a switched-off tracepoint: a call of an updatable function. */
    @Benchmark
    public long tracepointOff() {
        long v = x;
        Trace.hit(v);
        return HashStafford.mix(v);
    }

    /** The same work without any tracepoint (the same code as {@link #direct}). */
    @Benchmark
    public long noTracepoint() {
        long v = x;
        return HashStafford.mix(v);
    }

    /** The same work behind a tracepoint switched off the usual way: a volatile flag, false. */
    @Benchmark
    public long volatileFlag() {
        long v = x;
        if (tracing) {
            TraceEnabled.hit(v);
        }
        return HashStafford.mix(v);
    }
}
