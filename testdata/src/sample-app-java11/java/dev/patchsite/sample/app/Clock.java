package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;

/**
 * The Java 11 release of the logical clock (META-INF/versions/11 of the multi-release jar, compiled with
 * {@code --release 11}). Unlike the base release it takes the lock through {@code SpinLock.slowpath} directly.
 */
final class Clock {

    private static long ticks;

    private Clock() {
    }

    /** The release this class was written for. */
    static String release() {
        return "11";
    }

    /** Advances the clock; returns the new tick count. */
    static long tick(QLock lock) {
        var observed = lock.value();
        SpinLock.slowpath(lock, observed); // site: SpinLock.slowpath invoke
        long now = ++ticks;
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        return now;
    }
}
