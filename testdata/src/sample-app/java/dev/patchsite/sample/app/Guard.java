package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;
import dev.patchsite.sample.trace.LockEvents;

/** Calls from a static method of an interface. */
interface Guard {

    /** Releases a held lock and fires the tracepoint, whether or not the release was contended. */
    static void release(QLock lock) {
        SpinLock.unlock(lock); // site: SpinLock.unlock invoke
        LockEvents.contendedRelease(lock); // site: LockEvents.contendedRelease invoke (interface)
    }
}
