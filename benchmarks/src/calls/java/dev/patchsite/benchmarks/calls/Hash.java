package dev.patchsite.benchmarks.calls;

import dev.patchsite.RuntimeStatic;

/**
 * The group of the call-cost benchmark: one runtime-static function, a 64-bit mixer. Its body, the default, is
 * MurmurHash3's finalizer {@code fmix64}; the variant {@link HashStafford} ({@code stafford}) is Stafford's Mix13,
 * the same five operations with other constants, so the two cost the same.
 */
public final class Hash {

    private Hash() {
    }

    /**
     * Mixes the bits of a 64-bit value (MurmurHash3 {@code fmix64}).
     *
     * @param x the value
     * @return its mix
     */
    @RuntimeStatic
    public static long mix(long x) {
        x ^= x >>> 33;
        x *= 0xff51afd7ed558ccdL;
        x ^= x >>> 33;
        x *= 0xc4ceb9fe1a85ec53L;
        x ^= x >>> 33;
        return x;
    }
}
