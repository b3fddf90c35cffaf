package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.Impl;
import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;
import java.util.Arrays;
import java.util.List;

/**
 * A contended unlock, made deterministic: this thread holds the lock, a second thread queues for it (always through
 * the slow path), and this thread releases it once it sees the waiter, which fires the tracepoint in the unlock.
 */
final class Handoff {

    private Handoff() {
    }

    static List<String> run(QLock lock) throws InterruptedException {
        String[] waiterRan = new String[1];
        SpinLock.lock(lock);
        Thread waiter = new Thread(() -> {
            Impl.trace();
            SpinLock.lock(lock);
            waiterRan[0] = Impl.take("slowpath");
            SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        }, "handoff-waiter");
        waiter.start();
        while (lock.waiters() == 0) {
            Thread.yield();
        }
        Impl.trace();
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        String unlockRan = Impl.take("unlock");
        String tracepointRan = Impl.take("contendedRelease");
        waiter.join();
        return Arrays.asList(
                "contended slowpath -> " + waiterRan[0],
                "contended unlock -> " + unlockRan,
                "tracepoint contendedRelease -> " + tracepointRan);
    }
}
