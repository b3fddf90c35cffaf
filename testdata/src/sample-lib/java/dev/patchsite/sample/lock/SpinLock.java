package dev.patchsite.sample.lock;

import dev.patchsite.RuntimeStatic;
import dev.patchsite.sample.trace.LockEvents;

/**
 * The spin lock group: its {@link RuntimeStatic} functions are the contended slow path and the unlock, which switch
 * together to the selected variant ({@link NumaSpinLock}, {@link ParavirtSpinLock}) or keep these default bodies.
 * {@link #lock(QLock)} is a plain static method: the uncontended fast path that every variant shares.
 */
public final class SpinLock {

    private SpinLock() {
    }

    /**
     * Takes the lock: one compare-and-set when the lock is free, {@link #slowpath(QLock, int)} otherwise. Not a
     * function; it is the same for every variant.
     *
     * @param lock the lock
     */
    public static void lock(QLock lock) {
        if (!lock.tryLock()) {
            SpinLock.slowpath(lock, lock.value()); // site: SpinLock.slowpath invoke
        }
    }

    /**
     * The contended slow path, by default the "native" queued one: register as a waiter, take a ticket, wait for the
     * ticket to reach the head of the queue, then take the lock as soon as it is released. Returns with the lock held.
     * Also valid on a free lock (it takes it at once), which is how the sample calls it directly.
     *
     * @param lock the lock
     * @param val the state word the caller last observed ({@link QLock#value()})
     */
    @RuntimeStatic
    public static void slowpath(QLock lock, int val) {
        Impl.ran("slowpath", "default");
        if (val == 0 && lock.tryLock()) {
            return;
        }
        lock.enqueue();
        int ticket = lock.nextTicket.getAndIncrement();
        while (lock.nowServing.get() != ticket) {
            Thread.yield();
        }
        while (!lock.tryLockQueued()) {
            Thread.yield();
        }
        lock.nowServing.incrementAndGet();
    }

    /**
     * Releases the lock; when threads were waiting for it, fires the {@link LockEvents#contendedRelease(QLock)}
     * tracepoint.
     *
     * @param lock the lock, held by the caller
     * @throws IllegalStateException if the lock is not held
     */
    @RuntimeStatic
    public static void unlock(QLock lock) {
        Impl.ran("unlock", "default");
        if (lock.release() > 0) {
            LockEvents.contendedRelease(lock); // site: LockEvents.contendedRelease invoke (interface)
        }
    }
}
