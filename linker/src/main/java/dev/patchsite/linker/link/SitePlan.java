package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import java.util.List;

/**
 * What linking does with one site.
 *
 * @param site the site, with its binding
 * @param function the function it calls
 * @param call the method the rewritten {@code invokestatic} names, or null if the instruction is not changed to
 *     one: an {@code invokedynamic} site ({@code indy}, or a super-call bound {@code default} that the runtime
 *     resolves), a call patched out ({@code out}), or a site left as it is
 * @param patch for a site the boot agent patches, what it may patch the call to; else null
 */
record SitePlan(Site site, Function function, MethodRef call, Patch patch) {

    /** Returns whether the site's {@code invokestatic} becomes an {@code invokedynamic}. */
    boolean becomesIndy() {
        Binding.Kind kind = site.binding().kind();
        return kind == Binding.Kind.INDY || kind == Binding.Kind.DEFAULT && call == null;
    }

    /** Returns whether the link patches the site's call out: {@code static} mode, an empty body selected. */
    boolean patchesOut() {
        return site.binding().kind() == Binding.Kind.OUT;
    }

    /**
     * What the boot agent may patch a site to.
     *
     * @param fallback the default body, used when the selected variant does not implement the function
     * @param options per variant of the group, in table order, its implementation, or null if it has none
     * @param patchOut the three bytes that patch the call out (the pops of its arguments, then nops), big-endian,
     *     or -1 if its function returns a value or its arguments cannot be popped in three bytes
     */
    record Patch(MethodRef fallback, List<MethodRef> options, int patchOut) {
    }
}
