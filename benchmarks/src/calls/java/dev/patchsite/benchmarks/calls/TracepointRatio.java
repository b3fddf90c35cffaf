package dev.patchsite.benchmarks.calls;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

import dev.patchsite.PatchSite;

/**
 * {@link TracepointBench}'s two ratios measured for a loaded machine: each pair of loops (the tracepoint and its
 * reference) runs in turn, in short slices, many times, in one JVM, and each slice is timed by the thread's CPU time
 * (which other processes' load inflates far less than wall time); the result is the median of the per-round ratios.
 * Run by {@code benchmarks/tracepoint-bench.sh --ratio} in each tier; see {@code benchmarks/README.md}.
 *
 * <pre>
 * java [-javaagent:RUNTIME] [-Xint | -XX:TieredStopAtLevel=1] -cp boot.jar \
 *     dev.patchsite.benchmarks.calls.TracepointRatio [ROUNDS] [on | linked-on]
 * </pre>
 *
 * Off: {@code tracepointOff / noTracepoint}, and for reference the idiom it replaces, a false volatile flag:
 * {@code volatileFlag / noTracepoint}. With {@code on} (a program linked in boot or indy mode), it then switches the
 * tracepoint on with {@code PatchSite.update} and measures {@code tracepointOn / enabledDirect}. With
 * {@code linked-on} (a program linked in static mode with {@code --select ...Trace=enabled}, which cannot be updated),
 * it measures only {@code tracepointOn / enabledDirect}, the tracepoint on as linked. Prints the median, the
 * quartiles and the per-call CPU times.
 */
public final class TracepointRatio {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    /** Each slice's length in CPU time, about: long enough for the clock, short enough to follow the load. */
    private static final long SLICE_NANOS = 20_000_000L;

    private TracepointRatio() {
    }

    static long noTracepoint(long v) {
        return HashStafford.mix(v);
    }

    static long tracepointOff(long v) {
        Trace.hit(v);
        return HashStafford.mix(v);
    }

    static long enabledDirect(long v) {
        TraceEnabled.hit(v);
        return HashStafford.mix(v);
    }

    /** The idiom a tracepoint replaces: a volatile flag, false. */
    static long volatileFlag(long v) {
        if (CallBench.tracing) {
            TraceEnabled.hit(v);
        }
        return HashStafford.mix(v);
    }

    /** The same code as {@link #tracepointOff}, measured once the tracepoint is on. */
    static long tracepointOn(long v) {
        Trace.hit(v);
        return HashStafford.mix(v);
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 41;
        boolean on = args.length > 1 && args[1].equals("on");
        if (args.length > 1 && args[1].equals("linked-on")) {
            report("on/direct", measure(ON, DIRECT, rounds));
            return;
        }
        report("off/none", measure(OFF, NONE, rounds));
        report("flag/none", measure(FLAG, NONE, rounds));
        if (on) {
            PatchSite.update(Trace.class, "enabled");
            report("on/direct", measure(ON, DIRECT, rounds));
            System.out.println("patchsite report: " + PatchSite.report());
        }
    }

    /**
     * Returns, per round, the CPU time per call of {@code a} and of {@code b}, after warming both up (so that both
     * are compiled, where compilers run): {@code [rounds][2]}.
     */
    private static double[][] measure(int a, int b, int rounds) {
        long calls = calibrate(a);
        for (int w = 0; w < 10; w++) {
            loop(a, calls);
            loop(b, calls);
        }
        double[][] perCall = new double[rounds][2];
        for (int r = 0; r < rounds; r++) {
            // Alternate which goes first, so that neither always follows the other.
            boolean aFirst = r % 2 == 0;
            double first = timed(aFirst ? a : b, calls);
            double second = timed(aFirst ? b : a, calls);
            perCall[r][0] = aFirst ? first : second;
            perCall[r][1] = aFirst ? second : first;
        }
        return perCall;
    }

    /** Returns how many calls of {@code f} take about {@link #SLICE_NANOS} of CPU time. */
    private static long calibrate(int f) {
        long calls = 1_000;
        while (true) {
            long start = THREADS.getCurrentThreadCpuTime();
            loop(f, calls);
            long spent = THREADS.getCurrentThreadCpuTime() - start;
            if (spent > SLICE_NANOS / 4) {
                return Math.max(1_000, calls * SLICE_NANOS / spent);
            }
            calls *= 4;
        }
    }

    private static double timed(int f, long calls) {
        long start = THREADS.getCurrentThreadCpuTime();
        loop(f, calls);
        return (double) (THREADS.getCurrentThreadCpuTime() - start) / calls;
    }

    static long sink;

    private static final int NONE = 0;
    private static final int OFF = 1;
    private static final int DIRECT = 2;
    private static final int ON = 3;
    private static final int FLAG = 4;

    /** Runs a loop of calls of one of the four; a loop each, so that each call is a direct one the JIT may inline. */
    private static void loop(int f, long calls) {
        long v = sink | 1;
        switch (f) {
            case NONE -> {
                for (long i = 0; i < calls; i++) {
                    v = noTracepoint(v);
                }
            }
            case OFF -> {
                for (long i = 0; i < calls; i++) {
                    v = tracepointOff(v);
                }
            }
            case DIRECT -> {
                for (long i = 0; i < calls; i++) {
                    v = enabledDirect(v);
                }
            }
            case ON -> {
                for (long i = 0; i < calls; i++) {
                    v = tracepointOn(v);
                }
            }
            default -> {
                for (long i = 0; i < calls; i++) {
                    v = volatileFlag(v);
                }
            }
        }
        sink = v;
    }

    private static void report(String name, double[][] perCall) {
        double[] ratios = new double[perCall.length];
        double[] a = new double[perCall.length];
        double[] b = new double[perCall.length];
        for (int r = 0; r < perCall.length; r++) {
            a[r] = perCall[r][0];
            b[r] = perCall[r][1];
            ratios[r] = a[r] / b[r];
        }
        Arrays.sort(ratios);
        Arrays.sort(a);
        Arrays.sort(b);
        int n = ratios.length;
        System.out.printf("%s x%.3f (quartiles %.3f to %.3f, %d rounds); ns per call %.2f against %.2f%n", name,
                ratios[n / 2], ratios[n / 4], ratios[3 * n / 4], n, a[n / 2], b[n / 2]);
    }
}
