package dev.patchsite.benchmarks.calls;

import dev.patchsite.Variant;

/** The tracepoint switched on: counts the hits and keeps the last value. */
@Variant(of = Trace.class, name = "enabled")
public final class TraceEnabled {

    /** Hits so far (racy: a benchmark's counter, not a statistic). */
    public static long hits;
    /** The last value seen. */
    public static long last;

    private TraceEnabled() {
    }

    /**
     * Records a hit.
     *
     * @param value the value
     */
    public static void hit(long value) {
        hits++;
        last = value;
    }
}
