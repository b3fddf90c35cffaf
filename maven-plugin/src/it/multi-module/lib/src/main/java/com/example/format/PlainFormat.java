package com.example.format;

import dev.patchsite.Variant;
import java.util.Locale;

/** The variant "plain": no probe, so it is chosen only explicitly; it implements both functions. */
@Variant(of = Format.class, name = "plain")
public final class PlainFormat {

    private PlainFormat() {
    }

    public static String render(String text) {
        return "plain render " + text.toUpperCase(Locale.ROOT);
    }

    public static String close(String text) {
        return "plain close " + text.toUpperCase(Locale.ROOT);
    }
}
