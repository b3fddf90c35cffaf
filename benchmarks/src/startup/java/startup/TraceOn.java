package startup;

import dev.patchsite.Variant;

/** The tracepoint on (never selected here). */
@Variant(of = Trace.class, name = "on")
public final class TraceOn {

    private TraceOn() {
    }

    /** Counts. */
    public static void hit(int x) {
        Main.hits++;
    }
}
