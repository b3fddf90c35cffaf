package dev.patchsite.sample.lock;

import dev.patchsite.Variant;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The paravirt variant of {@link SpinLock}, chosen at boot when running under a hypervisor, where spinning on a
 * preempted lock holder wastes the host's time. A waiter spins a little, then halts until the holder kicks it; the
 * unlock does the default unlock and then the kick.
 *
 * <p>{@link #unlock(QLock)} calls {@code SpinLock.unlock}, the function it implements: a <em>super-call</em>, which
 * means the default implementation and never recurses into this variant.
 */
@Variant(of = SpinLock.class, name = "paravirt", when = HypervisorProbe.class, priority = 20)
public final class ParavirtSpinLock {

    private static final int SPIN_THRESHOLD = 64;

    /** Bounds a halt, so that a kick sent before the waiter halted costs little. */
    private static final long HALT_NANOS = TimeUnit.MICROSECONDS.toNanos(200);

    private ParavirtSpinLock() {
    }

    /**
     * The paravirt slow path: spin, then halt until kicked. Returns with the lock held.
     *
     * @param lock the lock
     * @param val the state word the caller last observed
     */
    public static void slowpath(QLock lock, int val) {
        Impl.ran("slowpath", "paravirt");
        if (val == 0 && lock.tryLock()) {
            return;
        }
        lock.enqueue();
        for (int spins = 0; !lock.tryLockQueued(); spins++) {
            if (spins < SPIN_THRESHOLD) {
                Thread.yield();
                continue;
            }
            Thread self = Thread.currentThread();
            lock.halted.add(self);
            if (lock.isLocked()) {
                LockSupport.parkNanos(lock, HALT_NANOS);
            }
            lock.halted.remove(self);
            spins = 0;
        }
    }

    /**
     * The paravirt unlock: the default unlock (a super-call), then a kick for one halted waiter.
     *
     * @param lock the lock, held by the caller
     */
    public static void unlock(QLock lock) {
        Impl.ran("unlock", "paravirt");
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke (super-call)
        Thread halted = lock.halted.peek();
        if (halted != null) {
            LockSupport.unpark(halted);
        }
    }
}
