package dev.patchsite.linker.scan;

import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.runtime.Bootstrap;
import java.util.List;

/**
 * How linked bytecode names what the unlinked program called, so that a linked class scans as the class it was
 * linked from (a program's table must not depend on whether a dependency was linked): a call of a function may
 * name its default body ({@code G.patchsite$default$f}, a super-call) or its generated trampoline
 * ({@code patchsite/trampolines/G.f}), or be an {@code invokedynamic} that the runtime's {@code site} or
 * {@code defaultBody} bootstrap binds, with the function's handle as its one argument; and a function's own body,
 * with its sites, moves to its default method. A {@code static} link's direct calls of variants cannot be told
 * from calls the program wrote; its table is embedded in the jar.
 */
public final class LinkedForms {

    /** The internal name of the runtime's class of bootstrap methods, which linked bytecode names. */
    public static final String BOOTSTRAP = Bootstrap.class.getName().replace('.', '/');
    private static final String DEFAULT_BODY_BOOTSTRAP = "defaultBody";
    private static final String TRAMPOLINE_PACKAGE = Bootstrap.TRAMPOLINE_PACKAGE.replace('.', '/');

    private LinkedForms() {
    }

    /** Returns the methods a linked call of a method may name instead of it: its default body, its trampoline's. */
    static List<MethodRef> aliases(MethodRef method) {
        return List.of(defaultBody(method), generatedTrampoline(method));
    }

    /** Returns a function's method in the trampoline class generated for a group a link does not rewrite. */
    private static MethodRef generatedTrampoline(MethodRef method) {
        return new MethodRef(TRAMPOLINE_PACKAGE + method.owner(), method.name(), method.descriptor());
    }

    /** Returns the method a function's body moves to when its class is linked. */
    public static MethodRef defaultBody(MethodRef method) {
        return new MethodRef(method.owner(), Bootstrap.DEFAULT_PREFIX + method.name(), method.descriptor());
    }

    /**
     * Returns whether a group class, as read, was linked already: the function's body moved to its default method,
     * and the function is a trampoline.
     *
     * @param group the group class as read, or null if it was not read
     * @param function the function
     * @return true if the class has the function's default method
     */
    public static boolean linked(ClassInfo group, MethodRef function) {
        MethodRef moved = defaultBody(function);
        return group != null && group.method(moved.name(), moved.descriptor()) != null;
    }

    /** Returns whether a method names a function's generated trampoline rather than a subclass inheriting it. */
    static boolean isTrampolineOf(String owner, Function function) {
        return owner.equals(TRAMPOLINE_PACKAGE + function.method().owner());
    }

    /**
     * Returns whether a call is a linked function's trampoline calling the default it forwards to: the function's
     * trampoline calling its moved body, or a generated trampoline calling the function of a group the link did not
     * rewrite. Linking wrote it, the program did not.
     */
    static boolean isTrampolineCall(MethodRef caller, MethodRef called, Function function) {
        MethodRef method = function.method();
        return caller.equals(method) && called.equals(defaultBody(method))
                || called.equals(method) && caller.equals(generatedTrampoline(method));
    }

    /** Returns whether a bootstrap method is one that binds a linked call of a function (the selection or default). */
    static boolean bindsCall(MethodRef bootstrap) {
        return bootstrap.owner().equals(BOOTSTRAP)
                && (bootstrap.name().equals("site") || bootstrap.name().equals(DEFAULT_BODY_BOOTSTRAP));
    }

    /** Returns whether a bootstrap method is the one that binds a linked super-call to the default. */
    static boolean bindsDefault(MethodRef bootstrap) {
        return bootstrap.owner().equals(BOOTSTRAP) && bootstrap.name().equals(DEFAULT_BODY_BOOTSTRAP);
    }

    /** Returns whether a method is a function's default body, which only a linked super-call names. */
    static boolean isDefaultBody(MethodRef method) {
        return method.name().startsWith(Bootstrap.DEFAULT_PREFIX);
    }

    /**
     * Returns a site found in linked bytecode with the caller it had before linking: a site in a function's moved
     * body (its default method) belongs to the function.
     *
     * @param site a site found in linked bytecode
     * @return the site with its original caller
     */
    public static Site unmoved(Site site) {
        MethodRef caller = site.caller();
        if (!caller.name().startsWith(Bootstrap.DEFAULT_PREFIX)) {
            return site;
        }
        MethodRef original = new MethodRef(caller.owner(), caller.name().substring(Bootstrap.DEFAULT_PREFIX.length()),
                caller.descriptor());
        return site.with(original, site.superCall(), site.line(), site.offset());
    }
}
