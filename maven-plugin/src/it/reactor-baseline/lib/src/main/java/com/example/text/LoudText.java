package com.example.text;

import dev.patchsite.Variant;
import java.util.Locale;

/** The variant "loud": no probe, so it is chosen only explicitly; it implements render, and trim once it is one. */
@Variant(of = Text.class, name = "loud")
public final class LoudText {

    private LoudText() {
    }

    public static String render(String text) {
        return "loud render " + text.toUpperCase(Locale.ROOT);
    }

    public static String trim(String text) {
        return "loud trim " + text.trim().toUpperCase(Locale.ROOT);
    }
}
