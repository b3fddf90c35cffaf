package dev.patchsite.sample.trace;

import dev.patchsite.Variant;
import dev.patchsite.sample.lock.Impl;
import dev.patchsite.sample.lock.QLock;

/**
 * The enabled tracepoints: each records an event in the {@link EventLog}. It has no probe, so it is only ever chosen
 * explicitly ({@code -Dpatchsite.select.dev.patchsite.sample.trace.LockEvents=enabled}, or an update at run time).
 */
@Variant(of = LockEvents.class, name = "enabled")
public final class LockEventsEnabled {

    private LockEventsEnabled() {
    }

    /**
     * Records a {@code contended-release} event.
     *
     * @param lock the lock just released
     */
    public static void contendedRelease(QLock lock) {
        Impl.ran("contendedRelease", "enabled");
        EventLog.record("contended-release " + lock.name());
    }
}
