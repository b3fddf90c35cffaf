package dev.patchsite.sample.lock;

import dev.patchsite.Variant;

/**
 * The NUMA-aware variant of {@link SpinLock}, chosen at boot when the machine has more than one NUMA node. It
 * implements only {@code slowpath}: {@code unlock} keeps the default.
 *
 * <p>A stand-in for the kernel's NUMA-aware slow path: instead of one global queue, each waiter spins on a read of
 * the state word (test-and-test-and-set) with exponential backoff, which keeps cache lines from bouncing between
 * nodes.
 */
@Variant(of = SpinLock.class, name = "numa", when = NumaProbe.class, priority = 10)
public final class NumaSpinLock {

    private static final int MAX_BACKOFF = 16;

    private NumaSpinLock() {
    }

    /**
     * The NUMA-aware slow path. Returns with the lock held.
     *
     * @param lock the lock
     * @param val the state word the caller last observed
     */
    public static void slowpath(QLock lock, int val) {
        Impl.ran("slowpath", "numa");
        if (val == 0 && lock.tryLock()) {
            return;
        }
        lock.enqueue();
        int backoff = 1;
        while (!lock.tryLockQueued()) {
            for (int i = 0; i < backoff; i++) {
                Thread.yield();
            }
            backoff = Math.min(backoff * 2, MAX_BACKOFF);
        }
    }
}
