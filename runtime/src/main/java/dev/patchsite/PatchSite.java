package dev.patchsite;

import dev.patchsite.runtime.Control;
import java.util.List;

/**
 * The run-time API of patchsite: choose a group's variant before the group is bound, re-point an updatable group
 * while the program runs, and report what was selected and why.
 *
 * <p>A group is <em>bound</em> at the first use of any of its functions (or, with the boot agent, when the first
 * class calling one is loaded); its selection is then sealed. Selection, first rule that applies: {@link #select}
 * before the group is bound; the system property {@code -Dpatchsite.select.<group>=<variant>}; the highest-priority
 * variant whose {@code when} probe holds; the default. {@code -Dpatchsite.verbose=true} prints one line per group as
 * it is bound.
 *
 * <p>A group is a class: where two class loaders each define a copy of a group class (two versions of a library in
 * a plugin system), each copy is a group of its own, with the variants its loader sees and its own selection.
 *
 * <p>These methods work only in a linked program; in an unlinked one every function simply runs its default.
 */
public final class PatchSite {

    private PatchSite() {
    }

    /**
     * Selects a group's variant, before the group is bound.
     *
     * @param group the group class
     * @param variant a variant's name, or {@code default}
     * @throws IllegalArgumentException if the group has no such variant; the message lists the known ones
     * @throws IllegalStateException if the group is already bound
     */
    public static void select(Class<?> group, String variant) {
        Control.select(group, variant);
    }

    /**
     * Selects a group's variant by the group's binary name, before the group is bound, in every class loader that
     * holds a group of that name (as {@code -Dpatchsite.select.<group>} does); {@link #select(Class, String)} selects
     * for one group class only.
     *
     * @param group the group's binary name, e.g. {@code com.example.SpinLock}
     * @param variant a variant's name, or {@code default}
     * @throws IllegalArgumentException if the group has no such variant; the message lists the known ones
     * @throws IllegalStateException if the group is already bound
     */
    public static void select(String group, String variant) {
        Control.select(group, Thread.currentThread().getContextClassLoader(), variant);
    }

    /**
     * Re-points every function of an updatable group (all its functions declared
     * {@code @RuntimeStatic(updatable = true)}) at a variant, while the program runs; {@code default} points them
     * back at their own bodies. A call racing with the update runs the old target or the new one. With the boot
     * agent, the sites it patched are patched again in every loaded class (their classes are retransformed), and
     * every method activation that starts after this method returns runs the new target; an activation already
     * running keeps its code until it returns (the JVM's rule for retransformed methods;
     * {@code -Dpatchsite.patchUpdatable=false} keeps updatable sites on their trampolines, which every call follows;
     * {@code -Dpatchsite.verbose=true} prints a line per thread running such a method after each update).
     * Without the agent, every call that starts after this method returns runs the new target. An update that
     * changes nothing returns at once; updates are serialized.
     *
     * @param group the group class
     * @param variant a variant's name, or {@code default}
     * @throws IllegalArgumentException if the group has no such variant; the message lists the known ones
     * @throws IllegalStateException if a function of the group is not updatable, or if the JVM refused to
     *     retransform a class holding sites of the group (the message names it; its sites keep the old target, the
     *     other classes are updated)
     */
    public static void update(Class<?> group, String variant) {
        Control.update(group, variant);
    }

    /**
     * Returns the variant a group's functions run now: its selection, or the last update.
     *
     * @param group the group class
     * @return the variant's name, {@code default}, or null if the group is not bound yet
     */
    public static String selected(Class<?> group) {
        return Control.selected(group);
    }

    /**
     * Returns one line per group the program has bound: its selection and why, and how many sites the agent
     * patched, how many {@code invokedynamic} sites and trampolines were bound.
     *
     * @return the report lines, sorted by group
     */
    public static List<String> report() {
        return Control.report();
    }
}
