package dev.patchsite.runtime;

import java.util.List;

/** The entry points of {@link dev.patchsite.PatchSite}, which lives in another package. Not an API for programs. */
public final class Control {

    private Control() {
    }

    /**
     * See {@link dev.patchsite.PatchSite#select(Class, String)}.
     *
     * @param group the group class
     * @param variant the variant's name
     */
    public static void select(Class<?> group, String variant) {
        Groups.select(group, variant);
    }

    /**
     * See {@link dev.patchsite.PatchSite#select(String, String)}.
     *
     * @param group the group's binary name
     * @param loader a loader that sees the group's resource
     * @param variant the variant's name
     */
    public static void select(String group, ClassLoader loader, String variant) {
        Groups.select(group, loader, variant);
    }

    /**
     * See {@link dev.patchsite.PatchSite#update(Class, String)}.
     *
     * @param group the group class
     * @param variant the variant's name
     */
    public static void update(Class<?> group, String variant) {
        try {
            Groups.get(group, Thread.currentThread().getContextClassLoader()).update(variant);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("patchsite: cannot update " + group.getName() + " to " + variant + ": " + e,
                    e);
        }
    }

    /**
     * See {@link dev.patchsite.PatchSite#selected(Class)}.
     *
     * @param group the group class
     * @return the variant, or null
     */
    public static String selected(Class<?> group) {
        Group state = Groups.peek(group);
        return state == null || state.selectionIfBound() == null ? null : state.current();
    }

    /**
     * See {@link dev.patchsite.PatchSite#report()}.
     *
     * @return the report lines
     */
    public static List<String> report() {
        return Groups.report();
    }
}
