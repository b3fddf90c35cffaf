package dev.patchsite.benchmarks.calls;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;

/**
 * The costs {@link CallBench} measures, interleaved in one JVM for a machine too busy for JMH's one-benchmark-after-
 * another: each round times a loop of each benchmark (the same code as {@link CallBench}'s, each op a call of a small
 * method as JMH's stub calls the benchmark), in an order that rotates from round to round, so that a burst of load
 * hits all alike. Prints the median ns/op of each and, for each, the median over rounds of its ratio to the loop of
 * its reference timed in the same round: {@code direct} for the calls, {@code noTracepoint} for the tracepoint cases.
 * Run by {@code call-bench.sh --interleaved}.
 *
 * <pre>
 * java -cp call-bench.jar dev.patchsite.benchmarks.calls.CallRatio [ROUNDS [MILLIS [WARMUP]]]
 * </pre>
 *
 * ROUNDS (default 101) rounds of loops of about MILLIS ms each (default 5), after WARMUP (default 30) untimed rounds
 * (so that the tiers compile the loops first). Loops are timed in the thread's processor time
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}), not wall time, which on a loaded machine includes the waits for a
 * processor; the loops' length is calibrated on {@code direct}.
 */
public final class CallRatio {

    /** Each benchmark's name, reference (an index in this array) and loop. */
    private static final String[] NAMES = {"direct", "site", "interfaceField", "volatileField", "methodHandle",
        "noTracepoint", "tracepointOff", "volatileFlag", "forwarder"};
    private static final int[] REFERENCE = {0, 0, 0, 0, 0, 5, 5, 5, 0};
    /** Times loops in the thread's processor time: on a loaded machine, wall time adds the waits for a processor. */
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();
    private static volatile long sink;

    private CallRatio() {
    }

    /**
     * Runs the rounds and prints the medians.
     *
     * @param args ROUNDS, MILLIS, WARMUP
     * @throws Throwable if the method handle fails
     */
    public static void main(String[] args) throws Throwable {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 101;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 5;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long x = System.nanoTime() | 1;
        int n = 1000;
        for (int i = 0; i < 10; i++) {
            long start = CPU.getCurrentThreadCpuTime();
            x = run(0, x, n);
            long took = CPU.getCurrentThreadCpuTime() - start;
            n = (int) Math.max(100, Math.min(50_000_000L, n * (millis * 1_000_000L) / Math.max(1, took)));
        }
        double[][] perOp = new double[NAMES.length][rounds];
        for (int round = -warmup; round < rounds; round++) {
            for (int k = 0; k < NAMES.length; k++) {
                int which = (k + Math.floorMod(round, NAMES.length)) % NAMES.length;
                long start = CPU.getCurrentThreadCpuTime();
                x = run(which, x, n);
                long took = CPU.getCurrentThreadCpuTime() - start;
                if (round >= 0) {
                    perOp[which][round] = (double) took / n;
                }
            }
        }
        sink = x;
        StringBuilder out = new StringBuilder("ops/loop=").append(n).append(" cpu-ns/op:");
        for (int i = 0; i < NAMES.length; i++) {
            out.append(' ').append(NAMES[i]).append('=').append(String.format("%.2f", median(perOp[i])));
            if (REFERENCE[i] != i) {
                out.append(String.format("(x%.3f)", medianRatio(perOp[i], perOp[REFERENCE[i]])));
            }
        }
        System.out.println(out);
    }

    private static long run(int which, long x, int n) throws Throwable {
        switch (which) {
            case 0:
                for (int i = 0; i < n; i++) {
                    x = direct(x);
                }
                return x;
            case 1:
                for (int i = 0; i < n; i++) {
                    x = site(x);
                }
                return x;
            case 2:
                for (int i = 0; i < n; i++) {
                    x = interfaceField(x);
                }
                return x;
            case 3:
                for (int i = 0; i < n; i++) {
                    x = volatileField(x);
                }
                return x;
            case 4:
                for (int i = 0; i < n; i++) {
                    x = methodHandle(x);
                }
                return x;
            case 5:
                for (int i = 0; i < n; i++) {
                    x = noTracepoint(x);
                }
                return x;
            case 6:
                for (int i = 0; i < n; i++) {
                    x = tracepointOff(x);
                }
                return x;
            case 7:
                for (int i = 0; i < n; i++) {
                    x = volatileFlag(x);
                }
                return x;
            default:
                for (int i = 0; i < n; i++) {
                    x = forwarder(x);
                }
                return x;
        }
    }

    private static long direct(long x) {
        return HashStafford.mix(x);
    }

    private static long site(long x) {
        return Hash.mix(x);
    }

    private static long forwarder(long x) {
        return HashForwarder.mix(x);
    }

    private static long interfaceField(long x) {
        return CallBench.MIXER.mix(x);
    }

    private static long volatileField(long x) {
        return CallBench.volatileMixer.mix(x);
    }

    private static long methodHandle(long x) throws Throwable {
        return (long) CallBench.MIX.invokeExact(x);
    }

    private static long noTracepoint(long x) {
        return HashStafford.mix(x);
    }

    private static long tracepointOff(long x) {
        Trace.hit(x);
        return HashStafford.mix(x);
    }

    private static long volatileFlag(long x) {
        if (CallBench.tracing) {
            TraceEnabled.hit(x);
        }
        return HashStafford.mix(x);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private static double medianRatio(double[] a, double[] b) {
        double[] ratios = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            ratios[i] = a[i] / b[i];
        }
        return median(ratios);
    }
}
