package dev.patchsite.sample.trace;

import dev.patchsite.RuntimeStatic;
import dev.patchsite.sample.lock.Impl;
import dev.patchsite.sample.lock.QLock;

/**
 * Tracepoints of the lock, a group of updatable functions: each is a no-op (apart from recording that it ran) until
 * it is pointed at {@link LockEventsEnabled}, at boot or while the program runs.
 *
 * <p>An interface, so that calls to its functions compile to {@code invokestatic} of an {@code InterfaceMethodref}.
 */
public interface LockEvents {

    /**
     * Fired by the unlock of a lock that other threads were waiting for.
     *
     * @param lock the lock just released
     */
    @RuntimeStatic(updatable = true)
    static void contendedRelease(QLock lock) {
        Impl.ran("contendedRelease", "default");
    }
}
