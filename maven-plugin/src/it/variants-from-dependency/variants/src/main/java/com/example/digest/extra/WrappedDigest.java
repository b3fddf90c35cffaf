package com.example.digest.extra;

import com.example.digest.Digest;
import dev.patchsite.Variant;

/** The variant "wrapped", chosen when its probe holds: it wraps the default, which it reaches with a super-call. */
@Variant(of = Digest.class, name = "wrapped", when = WrappedProbe.class, priority = 5)
public final class WrappedDigest {

    private WrappedDigest() {
    }

    public static String of(String text) {
        return "wrapped(" + Digest.of(text) + ")"; // a super-call: the default, never this method again
    }
}
