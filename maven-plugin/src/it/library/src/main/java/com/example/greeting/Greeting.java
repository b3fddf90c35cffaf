package com.example.greeting;

import dev.patchsite.RuntimeStatic;

/** A group with one function; its body is the default. */
public final class Greeting {

    private Greeting() {
    }

    // function com.example.greeting.Greeting.greet(Ljava/lang/String;)Ljava/lang/String;
    @RuntimeStatic
    public static String greet(String name) {
        return "default: hello " + name;
    }

    public static String hello(String name) {
        return greet(name); // site #0 of Greeting.hello
    }
}
