package dev.patchsite.sample.app;

import dev.patchsite.sample.lock.QLock;
import dev.patchsite.sample.lock.SpinLock;
import dev.patchsite.sample.trace.LockEvents;
import java.util.function.Consumer;
import java.util.function.ObjIntConsumer;

/**
 * Method references to the functions: each compiles to an {@code invokedynamic} whose bootstrap arguments hold a
 * {@code MethodHandle} constant of the function (a site that is recorded, not patched; the trampoline keeps it
 * correct).
 */
final class Refs {

    /** Taken in the static initializer: this site is in {@code <clinit>}. */
    static final ObjIntConsumer<QLock> SLOWPATH = SpinLock::slowpath; // site: SpinLock.slowpath ref

    private Refs() {
    }

    static Consumer<QLock> unlock() {
        return SpinLock::unlock; // site: SpinLock.unlock ref
    }

    static Consumer<QLock> contendedRelease() {
        return LockEvents::contendedRelease; // site: LockEvents.contendedRelease ref (interface)
    }
}
