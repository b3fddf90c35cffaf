package com.example.boot.lib;

import dev.patchsite.RuntimeStatic;

/** A group whose function the application calls from BOOT-INF/classes. */
public final class Greeting {

    private Greeting() {
    }

    @RuntimeStatic
    public static String greet(String name) {
        return "hello " + name;
    }
}
