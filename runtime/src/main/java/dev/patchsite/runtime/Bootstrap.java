package dev.patchsite.runtime;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandleInfo;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/**
 * The bootstrap methods the linker's {@code invokedynamic} instructions name. Public because linked classes in any
 * package call them; not an API for programs.
 */
public final class Bootstrap {

    /**
     * What code linked for this runtime may use of it. It is raised with every change that makes linked code name
     * something an older runtime lacks (the holder's {@code TrampolineTarget}, for one), and a linker refuses to embed
     * its code beside a runtime of a lower level; a runtime from before the level existed counts as 0.
     */
    public static final int LEVEL = 1;
    /** The prefix of the synthetic method the linker moves a function's own body (its default) to. */
    public static final String DEFAULT_PREFIX = "patchsite$default$";
    /**
     * The package of the trampoline classes the linker generates for groups it does not rewrite (functions of the
     * JDK or of a jar only read): {@code patchsite.trampolines.<group binary name>}.
     */
    public static final String TRAMPOLINE_PACKAGE = "patchsite.trampolines.";

    private Bootstrap() {
    }

    /**
     * Binds a trampoline: the body the linker gives a function, which forwards to the selected implementation.
     *
     * @param lookup the group's lookup
     * @param name the function's name
     * @param type the function's type
     * @return a constant call site, or the function's shared mutable call site if it is updatable
     * @throws ReflectiveOperationException if an implementation cannot be found
     */
    public static CallSite trampoline(MethodHandles.Lookup lookup, String name, MethodType type)
            throws ReflectiveOperationException {
        Class<?> groupClass = lookup.lookupClass();
        if (groupClass.getName().startsWith(TRAMPOLINE_PACKAGE)) {
            groupClass = Class.forName(groupClass.getName().substring(TRAMPOLINE_PACKAGE.length()), false,
                    groupClass.getClassLoader());
        }
        Group group = Groups.get(groupClass, lookup.lookupClass().getClassLoader());
        CallSite site = group.callSite(lookup, groupClass, name, type);
        group.boundTrampolines.incrementAndGet();
        return site;
    }

    /**
     * Binds a site of a program linked in {@code indy} mode.
     *
     * @param caller the calling class's lookup
     * @param name the function's name
     * @param type the function's type
     * @param function a handle of the function, naming its group
     * @return a constant call site, or the function's shared mutable call site if it is updatable
     * @throws ReflectiveOperationException if an implementation cannot be found
     */
    public static CallSite site(MethodHandles.Lookup caller, String name, MethodType type, MethodHandle function)
            throws ReflectiveOperationException {
        MethodHandleInfo info = caller.revealDirect(function);
        Class<?> groupClass = info.getDeclaringClass();
        Group group = Groups.get(groupClass, caller.lookupClass().getClassLoader());
        CallSite site = group.callSite(caller, groupClass, name, type);
        group.boundSites.incrementAndGet();
        return site;
    }

    /**
     * Binds a super-call: a variant's call of a function it implements, which means the function's default. The
     * linker writes one where the group class was not linked in the same link as the variant, so that only the group
     * class as loaded tells where the default is: the method its body moved to if it was linked since, else the
     * function itself. The group is not bound: a super-call selects nothing.
     *
     * @param caller the variant's lookup
     * @param name the function's name
     * @param type the function's type
     * @param function a handle of the function, naming its group
     * @return a constant call site of the default
     * @throws ReflectiveOperationException if the default cannot be found
     */
    public static CallSite defaultBody(MethodHandles.Lookup caller, String name, MethodType type,
            MethodHandle function) throws ReflectiveOperationException {
        Class<?> groupClass = caller.revealDirect(function).getDeclaringClass();
        return new ConstantCallSite(Group.defaultBody(caller, groupClass, name, type));
    }
}
