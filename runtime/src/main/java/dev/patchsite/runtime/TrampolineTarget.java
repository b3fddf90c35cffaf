package dev.patchsite.runtime;

/**
 * Where the trampoline of an updatable function goes, which {@code PatchSite.update} changes while the program runs:
 * the same numbers as a constant of {@link Trampolines}, in a volatile field the runtime writes. The linker gives the
 * group's holder class one {@code static final} instance per updatable function; the trampoline reads {@link #value}
 * once and switches on it, so a call racing with an update reaches the old or the new target, and a call that starts
 * after an update returned reaches the new one. No method handle is involved: a program without the agent pays no
 * {@code java.lang.invoke} for its tracepoints. Public because linked classes in any package use it; not an API for
 * programs.
 */
public final class TrampolineTarget {

    /**
     * {@link Trampolines#THROUGH_RUNTIME}, {@link Trampolines#DEFAULT} or {@link Trampolines#FIRST_VARIANT} plus a
     * variant's place; written by the runtime only.
     */
    public volatile int value;

    /** Creates a target that sends its trampoline through the runtime until the group is bound. */
    public TrampolineTarget() {
    }
}
