package com.example.format;

import dev.patchsite.RuntimeStatic;

/** A group with two functions; their bodies are the defaults. */
public final class Format {

    private Format() {
    }

    // function com.example.format.Format.render(Ljava/lang/String;)Ljava/lang/String;
    @RuntimeStatic
    public static String render(String text) {
        return "default render " + text;
    }

    // function com.example.format.Format.close(Ljava/lang/String;)Ljava/lang/String;
    @RuntimeStatic
    public static String close(String text) {
        return "default close " + text;
    }

    /** Calls both functions from inside the library. */
    public static String both(String text) {
        return render(text) + " / " + close(text); // sites #0 of Format.both, one per function
    }
}
