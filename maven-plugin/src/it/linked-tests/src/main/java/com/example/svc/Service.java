package com.example.svc;

/** The code under test: calls both functions. */
public final class Service {

    private Service() {
    }

    public static String serve(String name) {
        Trace.event("serve " + name); // site #0 of Service.serve
        return Greeting.greet(name); // site #0 of Service.serve
    }
}
