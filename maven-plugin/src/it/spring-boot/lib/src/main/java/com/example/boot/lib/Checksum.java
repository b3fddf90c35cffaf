package com.example.boot.lib;

import dev.patchsite.RuntimeStatic;

/** A group whose function the library itself calls, from Report: a site in the nested jar. */
public final class Checksum {

    private Checksum() {
    }

    @RuntimeStatic
    public static String of(String text) {
        return "sum=" + text.length();
    }
}
