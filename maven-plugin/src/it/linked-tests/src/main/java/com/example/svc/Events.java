package com.example.svc;

import java.util.ArrayList;
import java.util.List;

/** What the tracepoint recorded while it was on. */
public final class Events {

    private static final List<String> RECORDED = new ArrayList<>();

    private Events() {
    }

    static synchronized void record(String what) {
        RECORDED.add(what);
    }

    public static synchronized List<String> recorded() {
        return List.copyOf(RECORDED);
    }
}
