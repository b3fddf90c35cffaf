package com.example.boot.lib;

import dev.patchsite.Variant;
import java.util.Locale;

/** Chosen only when selected: it has no probe. */
@Variant(of = Greeting.class, name = "loud")
public final class LoudGreeting {

    private LoudGreeting() {
    }

    public static String greet(String name) {
        return "HELLO " + name.toUpperCase(Locale.ROOT);
    }
}
