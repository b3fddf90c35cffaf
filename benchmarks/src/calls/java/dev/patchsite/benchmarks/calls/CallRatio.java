package dev.patchsite.benchmarks.calls;

import java.util.Arrays;

/**
 * The costs {@link CallBench} measures, interleaved in one JVM for a machine too busy for JMH's one-benchmark-after-
 * another: each round times a loop of each of {@code direct}, {@code site}, {@code noTracepoint} and
 * {@code tracepointOff} (the same code as {@link CallBench}'s, each op a call of a small method as JMH's stub calls the
 * benchmark), in an order that rotates from round to round, so that a burst of load hits all four alike. Prints the
 * median ns/op of each and the median, over rounds, of {@code site / direct} and {@code tracepointOff / noTracepoint}
 * (each ratio of two loops timed back to back). Run by {@code call-bench.sh --interleaved}.
 *
 * <pre>
 * java -cp call-bench.jar dev.patchsite.benchmarks.calls.CallRatio [ROUNDS [MILLIS [WARMUP]]]
 * </pre>
 *
 * ROUNDS (default 101) rounds of loops of about MILLIS ms each (default 5), after WARMUP (default 30) untimed rounds
 * (so that the tiers compile the loops first).
 */
public final class CallRatio {

    private static final String[] NAMES = {"direct", "site", "noTracepoint", "tracepointOff"};
    private static volatile long sink;

    private CallRatio() {
    }

    /**
     * Runs the rounds and prints the medians.
     *
     * @param args ROUNDS, MILLIS, WARMUP
     */
    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 101;
        long millis = args.length > 1 ? Long.parseLong(args[1]) : 5;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 30;
        long x = System.nanoTime() | 1;
        int n = 1000;
        // Calibrate on direct: the loop length that takes about MILLIS ms.
        for (int i = 0; i < 10; i++) {
            long start = System.nanoTime();
            x = run(0, x, n);
            long took = System.nanoTime() - start;
            n = (int) Math.max(100, Math.min(50_000_000L, n * (millis * 1_000_000L) / Math.max(1, took)));
        }
        double[][] perOp = new double[NAMES.length][rounds];
        for (int round = -warmup; round < rounds; round++) {
            for (int k = 0; k < NAMES.length; k++) {
                int which = (k + Math.floorMod(round, NAMES.length)) % NAMES.length;
                long start = System.nanoTime();
                x = run(which, x, n);
                long took = System.nanoTime() - start;
                if (round >= 0) {
                    perOp[which][round] = (double) took / n;
                }
            }
        }
        sink = x;
        StringBuilder out = new StringBuilder("ops/loop=").append(n);
        for (int i = 0; i < NAMES.length; i++) {
            out.append(' ').append(NAMES[i]).append('=').append(String.format("%.3f", median(perOp[i])));
        }
        out.append(" site/direct=").append(String.format("%.3f", medianRatio(perOp[1], perOp[0])));
        out.append(" tracepointOff/noTracepoint=").append(String.format("%.3f", medianRatio(perOp[3], perOp[2])));
        System.out.println(out);
    }

    private static long run(int which, long x, int n) {
        switch (which) {
            case 0:
                return loopDirect(x, n);
            case 1:
                return loopSite(x, n);
            case 2:
                return loopNoTracepoint(x, n);
            default:
                return loopTracepointOff(x, n);
        }
    }

    private static long loopDirect(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = direct(x);
        }
        return x;
    }

    private static long loopSite(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = site(x);
        }
        return x;
    }

    private static long loopNoTracepoint(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = noTracepoint(x);
        }
        return x;
    }

    private static long loopTracepointOff(long x, int n) {
        for (int i = 0; i < n; i++) {
            x = tracepointOff(x);
        }
        return x;
    }

    private static long direct(long x) {
        return HashStafford.mix(x);
    }

    private static long site(long x) {
        return Hash.mix(x);
    }

    private static long noTracepoint(long x) {
        return HashStafford.mix(x);
    }

    private static long tracepointOff(long x) {
        Trace.hit(x);
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
