package com.example.greeting;

import dev.patchsite.Variant;
import java.util.Locale;

/** The variant "loud" of Greeting; without a probe, it is chosen only explicitly. */
@Variant(of = Greeting.class, name = "loud")
public final class LoudGreeting {

    private LoudGreeting() {
    }

    public static String greet(String name) {
        return "loud: HELLO " + name.toUpperCase(Locale.ROOT);
    }
}
