package dev.patchsite.benchmarks.calls;

/**
 * The idiom users write today instead of a runtime-static function: an interface, one implementation per variant,
 * and a holder field chosen at start-up (see {@link CallBench}).
 */
public interface Mixer {

    /**
     * Mixes the bits of a 64-bit value.
     *
     * @param x the value
     * @return its mix
     */
    long mix(long x);

    /** {@link Hash#mix}'s default as an implementation of the interface. */
    final class Murmur implements Mixer {
        @Override
        public long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            x ^= x >>> 33;
            x *= 0xc4ceb9fe1a85ec53L;
            x ^= x >>> 33;
            return x;
        }
    }

    /** {@link HashStafford#mix} as an implementation of the interface. */
    final class Stafford implements Mixer {
        @Override
        public long mix(long x) {
            x ^= x >>> 30;
            x *= 0xbf58476d1ce4e5b9L;
            x ^= x >>> 27;
            x *= 0x94d049bb133111ebL;
            x ^= x >>> 31;
            return x;
        }
    }
}
