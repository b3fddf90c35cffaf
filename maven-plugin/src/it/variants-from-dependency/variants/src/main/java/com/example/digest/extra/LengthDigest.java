package com.example.digest.extra;

import com.example.digest.Digest;
import dev.patchsite.Variant;

/** The variant "length", with no probe and no super-call: chosen only explicitly. */
@Variant(of = Digest.class, name = "length")
public final class LengthDigest {

    private LengthDigest() {
    }

    public static String of(String text) {
        return "length " + text.length();
    }
}
