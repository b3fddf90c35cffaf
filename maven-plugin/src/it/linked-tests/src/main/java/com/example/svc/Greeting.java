package com.example.svc;

import dev.patchsite.RuntimeStatic;

/** A group selected once, at boot. */
public final class Greeting {

    private Greeting() {
    }

    // function com.example.svc.Greeting.greet(Ljava/lang/String;)Ljava/lang/String;
    @RuntimeStatic
    public static String greet(String name) {
        return "hello " + name;
    }
}
