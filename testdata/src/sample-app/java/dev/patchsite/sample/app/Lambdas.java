package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;
import java.util.function.Consumer;

/** Calls from inside lambda bodies: the sites are in the synthetic {@code lambda$...} methods of this class. */
final class Lambdas {

    private Lambdas() {
    }

    static Runnable acquire(QLock lock) {
        return () -> SpinLock.slowpath(lock, lock.value()); // site: SpinLock.slowpath invoke
    }

    static Consumer<QLock> release() {
        return l -> {
            SpinLock.unlock(l); // site: SpinLock.unlock invoke
        };
    }
}
