package dev.patchsite.sample.clock;

import dev.patchsite.Variant;

/**
 * A variant of a function in code you do not own: {@code java.lang.System.nanoTime()}, declared a function by
 * testdata/declarations/clock.decl (the JDK carries no annotation). {@link Variant.Always} makes it the selection
 * wherever the declaration is linked in. It reads the coarse wall clock, so every value is a whole number of
 * milliseconds.
 */
@Variant(of = System.class, name = "coarse", when = Variant.Always.class)
public final class CoarseClock {

    private CoarseClock() {
    }

    /**
     * The coarse {@code nanoTime}: the current time in milliseconds, in nanoseconds.
     *
     * @return {@code System.currentTimeMillis() * 1_000_000}
     */
    public static long nanoTime() {
        return System.currentTimeMillis() * 1_000_000L;
    }
}
