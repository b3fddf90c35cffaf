package com.example.svc;

import dev.patchsite.RuntimeStatic;

/** A tracepoint: an updatable function whose default does nothing, until a test turns it on. */
public final class Trace {

    private Trace() {
    }

    // function com.example.svc.Trace.event(Ljava/lang/String;)V updatable
    @RuntimeStatic(updatable = true)
    public static void event(String what) {
    }
}
