package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;

/**
 * A logical clock advanced under a lock. The base release; a multi-release jar holds a different Clock for Java 11
 * and later (src/sample-app-java11), which also calls {@code SpinLock.slowpath}.
 */
final class Clock {

    private static long ticks;

    private Clock() {
    }

    /** The release this class was written for. */
    static String release() {
        return "8";
    }

    /** Advances the clock; returns the new tick count. */
    static long tick(QLock lock) {
        SpinLock.lock(lock);
        long now = ++ticks;
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        return now;
    }
}
