package com.example.svc;

import dev.patchsite.Variant;

/** The tracepoint turned on: records each event. */
@Variant(of = Trace.class, name = "on")
public final class TraceOn {

    private TraceOn() {
    }

    public static void event(String what) {
        Events.record(what);
    }
}
