package com.example.svc;

import dev.patchsite.Variant;
import java.util.Locale;

/** The variant "shout"; without a probe, it is chosen only explicitly. */
@Variant(of = Greeting.class, name = "shout")
public final class ShoutGreeting {

    private ShoutGreeting() {
    }

    public static String greet(String name) {
        return "HELLO " + name.toUpperCase(Locale.ROOT);
    }
}
