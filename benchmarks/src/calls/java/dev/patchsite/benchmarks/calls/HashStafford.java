package dev.patchsite.benchmarks.calls;

import dev.patchsite.Variant;

/**
 * The variant {@code stafford} of {@link Hash}: David Stafford's Mix13 (the finalizer of SplitMix64). No probe: it is
 * chosen only explicitly, by {@code -Dpatchsite.select.dev.patchsite.benchmarks.calls.Hash=stafford} or, in static
 * mode, {@code --select dev.patchsite.benchmarks.calls.Hash=stafford}.
 */
@Variant(of = Hash.class, name = "stafford")
public final class HashStafford {

    private HashStafford() {
    }

    /**
     * Mixes the bits of a 64-bit value (Stafford's Mix13).
     *
     * @param x the value
     * @return its mix
     */
    public static long mix(long x) {
        x ^= x >>> 30;
        x *= 0xbf58476d1ce4e5b9L;
        x ^= x >>> 27;
        x *= 0x94d049bb133111ebL;
        x ^= x >>> 31;
        return x;
    }
}
