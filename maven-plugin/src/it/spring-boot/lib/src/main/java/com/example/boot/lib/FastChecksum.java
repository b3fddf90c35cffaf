package com.example.boot.lib;

import dev.patchsite.Variant;

/** Chosen only when selected: it has no probe. */
@Variant(of = Checksum.class, name = "fast")
public final class FastChecksum {

    private FastChecksum() {
    }

    public static String of(String text) {
        return "fast-sum=" + text.length();
    }
}
