package dev.patchsite.runtime;

/**
 * Binds the trampolines of a group linked in {@code boot} or {@code indy} mode without {@code invokedynamic}. The
 * linker gives each such group a small holder class (the generated trampoline class, for a group it does not
 * rewrite, is its own holder) with one {@code static final int} per function that is not updatable. The holder's
 * static initializer calls {@link #target} once per function, so binding is class initialization: it happens at the
 * first call of a trampoline, once, under the JVM's initialization lock, and seals the group's selection. Each
 * trampoline then switches on its constant, which the JIT folds and the interpreter reads with one
 * {@code getstatic}: a direct call of the selected variant's method or of the default, no method handle.
 *
 * <p>An updatable function's trampoline reads a {@link TrampolineTarget} of the holder instead, which {@link #bind}
 * sets and every update of the group changes.
 *
 * <p>A constant of 0 sends the trampoline through the runtime's {@code invokedynamic}
 * ({@link Bootstrap#trampoline}), as every trampoline went before: while the holder is being initialized (a probe
 * that calls its own group), when binding failed (the call then fails as it would have), and when the selection is
 * a variant the group's link did not know (one another artifact adds). Public because linked classes in any package
 * call it; not an API for programs.
 */
public final class Trampolines {

    /** A trampoline's constant that sends it through the runtime's {@code invokedynamic}. */
    public static final int THROUGH_RUNTIME = 0;
    /** A trampoline's constant that selects the function's default. */
    public static final int DEFAULT = 1;
    /** A trampoline's constant for the first variant of the list it was linked with; the next is one more. */
    public static final int FIRST_VARIANT = 2;

    private Trampolines() {
    }

    /**
     * Binds a function's group, if it is not bound yet, and returns where the function's trampoline goes. The
     * variants are named as the group's link knew them: the agent, when present, maps the same selection to the same
     * methods.
     *
     * @param group the group class
     * @param holder the class holding the trampoline's constant, whose loader is the program's
     * @param known every variant of the group the link knew, separated by spaces (variant names hold none)
     * @param implementing the variants among them that implement the function, separated by spaces, in the order of
     *     the trampoline's cases
     * @return {@link #DEFAULT}, {@link #FIRST_VARIANT} plus the selected variant's place in {@code implementing}, or
     *     {@link #THROUGH_RUNTIME}
     */
    public static int target(Class<?> group, Class<?> holder, String known, String implementing) {
        Group state;
        String variant;
        try {
            state = Groups.get(group, holder.getClassLoader());
            variant = state.bind().variant();
        } catch (RuntimeException | Error e) {
            // The first call, through the runtime, binds again and fails with this exception where it is called.
            return THROUGH_RUNTIME;
        }
        int target = target(variant, known, implementing);
        if (target != THROUGH_RUNTIME) {
            state.boundTrampolines.incrementAndGet();
        }
        return target;
    }

    /**
     * Binds an updatable function's group, if it is not bound yet, and points the function's trampoline at the
     * variant the group's updatable functions run now; each later update of the group points it again. Called by the
     * holder's static initializer once per updatable function, after it has created every target of the holder (so
     * a probe that calls its own group meanwhile finds a target that sends it through the runtime).
     *
     * @param group the group class
     * @param holder the class holding the target, whose loader is the program's
     * @param target the function's target, the holder's
     * @param known every variant of the group the link knew, separated by spaces
     * @param implementing the variants among them that implement the function, separated by spaces, in the order of
     *     the trampoline's cases
     */
    public static void bind(Class<?> group, Class<?> holder, TrampolineTarget target, String known,
            String implementing) {
        try {
            Groups.get(group, holder.getClassLoader()).bindTarget(target, known, implementing);
        } catch (RuntimeException | Error e) {
            // The first call, through the runtime, binds again and fails with this exception where it is called.
            target.value = THROUGH_RUNTIME;
        }
    }

    /** Returns where a trampoline goes under a variant. */
    static int target(String variant, String known, String implementing) {
        if (variant.equals(Selection.DEFAULT)) {
            return DEFAULT;
        }
        int place = indexOf(variant, implementing);
        if (place >= 0) {
            return FIRST_VARIANT + place;
        }
        return indexOf(variant, known) >= 0 ? DEFAULT : THROUGH_RUNTIME;
    }

    /** Returns the place of a name in a list of names separated by spaces, or -1. */
    private static int indexOf(String name, String names) {
        int place = 0;
        int start = 0;
        while (start <= names.length()) {
            int end = names.indexOf(' ', start);
            if (end < 0) {
                end = names.length();
            }
            if (end - start == name.length() && names.startsWith(name, start)) {
                return place;
            }
            place++;
            start = end + 1;
        }
        return -1;
    }
}
