package com.example.digest;

import dev.patchsite.RuntimeStatic;

/** A group with one function and no variant of its own: its variants are in another module. */
public final class Digest {

    private Digest() {
    }

    // function com.example.digest.Digest.of(Ljava/lang/String;)Ljava/lang/String;
    @RuntimeStatic
    public static String of(String text) {
        return "sum " + text.chars().sum();
    }

    /** Calls the function from inside the group's module. */
    public static String pair(String first, String second) {
        return of(first) + ", " + of(second); // sites #0 and #1 of Digest.pair
    }
}
