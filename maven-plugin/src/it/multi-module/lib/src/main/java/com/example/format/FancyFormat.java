package com.example.format;

import dev.patchsite.Variant;

/** The variant "fancy": chosen when its probe holds; its render wraps the default (a super-call). */
@Variant(of = Format.class, name = "fancy", when = FancyProbe.class, priority = 10)
public final class FancyFormat {

    private FancyFormat() {
    }

    public static String render(String text) {
        return "fancy [" + Format.render(text) + "]"; // a super-call: the default, never this method again
    }
}
