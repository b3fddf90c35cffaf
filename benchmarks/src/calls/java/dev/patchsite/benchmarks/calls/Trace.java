package dev.patchsite.benchmarks.calls;

import dev.patchsite.RuntimeStatic;

/**
 * An updatable group: a tracepoint, a no-op until it is pointed at {@link TraceEnabled} (at boot with
 * {@code -Dpatchsite.select.dev.patchsite.benchmarks.calls.Trace=enabled}, or while running with
 * {@code PatchSite.update}). The benchmark measures it switched off.
 */
public interface Trace {

    /**
     * Fired with a value.
     *
     * @param value the value
     */
    @RuntimeStatic(updatable = true)
    static void hit(long value) {
    }
}
