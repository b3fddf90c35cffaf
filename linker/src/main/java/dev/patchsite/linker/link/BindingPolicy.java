package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.classfile.InternalNames;
import dev.patchsite.linker.internal.classfile.PatchOut;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.scan.LocatedSite;
import dev.patchsite.linker.internal.input.ProgramModules;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.objectweb.asm.Opcodes;

/**
 * Decides how each site of a class is bound in the program's link mode, and why a site that cannot call the
 * selection directly stays on its trampoline: a caller that cannot access a variant, a class file too old for the
 * instruction, a method that would outgrow 64 KiB. A method reference only takes the function's address and always
 * reaches it through the trampoline; a super-call always goes to the default.
 */
final class BindingPolicy {

    /** The largest bytecode a method may have. */
    static final int MAX_CODE = 65535;
    /** How many bytes an {@code invokedynamic} is longer than the {@code invokestatic} it replaces. */
    private static final int INDY_GROWTH = 2;

    private final Program program;
    private final ProgramModules modules;

    BindingPolicy(Program program, ProgramModules modules) {
        this.program = program;
        this.modules = modules;
    }

    /**
     * Plans the sites of one class.
     *
     * @param callerClass the internal name of the class
     * @param version the class file's major version
     * @param sites the class's sites as the scan found them, each with its method's code length
     * @return a plan per site, in the same order
     */
    List<SitePlan> plan(String callerClass, int version, List<LocatedSite> sites) {
        Map<String, Integer> indySitesPerMethod = new HashMap<>();
        List<SitePlan> plans = new ArrayList<>(sites.size());
        for (LocatedSite located : sites) {
            SitePlan plan = plan(callerClass, version, located.site());
            if (plan.becomesIndy()) {
                indySitesPerMethod.merge(methodKey(located.site()), 1, Integer::sum);
            }
            plans.add(plan);
        }
        for (int i = 0; i < plans.size(); i++) {
            SitePlan plan = plans.get(i);
            Integer grown = indySitesPerMethod.get(methodKey(plan.site()));
            if (plan.becomesIndy() && sites.get(i).codeLength() + INDY_GROWTH * grown > MAX_CODE) {
                plans.set(i, plan.site().superCall()
                        ? new SitePlan(plan.site(), plan.function(), program.defaultAsRead(plan.function()), null)
                        : stay(plan.site(), plan.function(), Binding.SIZE));
            }
        }
        return plans;
    }

    private SitePlan plan(String callerClass, int version, Site site) {
        Function function = program.function(site.functionId());
        if (site.kind() != SiteKind.INVOKE) {
            // A function's address reaches the selection through its trampoline: a generated one if need be.
            return new SitePlan(site.bound(Binding.trampoline(Binding.ADDRESS)), function, redirect(function), null);
        }
        if (site.superCall()) {
            return superCall(version, site, function);
        }
        return switch (program.mode()) {
            case BOOT -> boot(callerClass, version, site, function);
            case INDY -> indy(callerClass, version, site, function);
            case STATIC -> direct(callerClass, version, site, function);
        };
    }

    /**
     * Plans a super-call, which means the default (invariant 3). Where this link rewrites the group, the default is
     * the body it moves; else only the group class as loaded knows whether its body moved (its jar may be linked in
     * a build of its own), so the call becomes an {@code invokedynamic} that the runtime binds to the default as
     * loaded. Static mode has no runtime, and a class file older than Java 7 no {@code invokedynamic}: their
     * super-calls go where the group class read at link time has its default.
     */
    private SitePlan superCall(int version, Site site, Function function) {
        Site bound = site.bound(Binding.of(Binding.Kind.DEFAULT));
        if (program.rewritten(function.group())) {
            return new SitePlan(bound, function, program.defaultBody(function), null);
        }
        if (program.mode() == LinkMode.STATIC || version < Opcodes.V1_7) {
            return new SitePlan(bound, function, program.defaultAsRead(function), null);
        }
        return new SitePlan(bound, function, null, null);
    }

    private SitePlan boot(String callerClass, int version, Site site, Function function) {
        if (!program.rewritten(function.group()) && !reachableFromGeneratedTrampoline(function)
                && version >= Opcodes.V1_7 && site.via() == null && groupAccessible(callerClass, function)) {
            // A generated trampoline, in a package of its own, cannot call a package-private function, but the
            // caller can: the runtime binds its call, with the caller's access.
            return indy(callerClass, version, site, function);
        }
        if (!everyVariantAccessible(callerClass, function)) {
            return stay(site, function, Binding.ACCESS);
        }
        List<MethodRef> options = new ArrayList<>();
        for (Variant variant : program.variants(function.group())) {
            options.add(variant.implementsFunction(function.id()) ? program.implementation(variant, function) : null);
        }
        return new SitePlan(site.bound(Binding.of(Binding.Kind.PATCH)), function, redirect(function),
                new SitePlan.Patch(program.defaultBody(function), options,
                        PatchOut.instruction(function.method().descriptor())));
    }

    private SitePlan indy(String callerClass, int version, Site site, Function function) {
        if (version < Opcodes.V1_7) {
            return stay(site, function, Binding.VERSION);
        }
        // The bootstrap method cracks the site's handle, which needs the group itself accessible to the caller: a
        // call through a public subclass of a package-private group stays on the trampoline.
        if (!everyVariantAccessible(callerClass, function) || site.via() != null && !groupAccessible(callerClass,
                function)) {
            return stay(site, function, Binding.ACCESS);
        }
        return new SitePlan(site.bound(Binding.of(Binding.Kind.INDY)), function, null, null);
    }

    private SitePlan direct(String callerClass, int version, Site site, Function function) {
        Variant selected = program.staticSelection(function.group());
        if (selected != null && selected.implementsFunction(function.id())) {
            if (!accessible(program.variantClass(selected), function, callerClass)
                    || !moduleAccessible(program.variantClass(selected), callerClass)) {
                return stay(site, function, Binding.ACCESS);
            }
        } else if (program.isInterface(function.group()) && program.rewritten(function.group())
                && version < Opcodes.V1_8) {
            return stay(site, function, Binding.VERSION);
        }
        MethodRef implementation = program.implementation(selected, function);
        if (program.emptyBody(implementation) && PatchOut.instruction(function.method().descriptor()) >= 0) {
            // As the boot agent would at run time: the call of a body that does nothing becomes the pops of its
            // arguments.
            return new SitePlan(site.bound(Binding.of(Binding.Kind.OUT)), function, null, null);
        }
        return new SitePlan(site.bound(Binding.of(Binding.Kind.DIRECT)), function, implementation, null);
    }

    /** A site that keeps calling its function's trampoline (a generated one, for a group not rewritten). */
    private SitePlan stay(Site site, Function function, String reason) {
        return new SitePlan(site.bound(Binding.trampoline(reason)), function, redirect(function), null);
    }

    /**
     * Returns the generated trampoline a call must name instead of the function, or null to keep the function: a
     * function of a group this link rewrites is its own trampoline, and one the generated trampoline cannot reach
     * keeps its call, which reaches the selection if its group class is linked where the program runs.
     */
    private MethodRef redirect(Function function) {
        return program.rewritten(function.group()) || !reachableFromGeneratedTrampoline(function) ? null
                : program.trampoline(function);
    }

    /** Returns whether a generated trampoline class can call a function: it and its group class are public. */
    private boolean reachableFromGeneratedTrampoline(Function function) {
        ClassInfo group = program.groupClass(function.group());
        if (group == null) {
            return true;
        }
        ClassInfo.MethodInfo method = group.method(function.method().name(), function.method().descriptor());
        return group.isPublic() && (method == null || (method.access() & Opcodes.ACC_PUBLIC) != 0);
    }

    private boolean everyVariantAccessible(String callerClass, Function function) {
        for (Variant variant : program.variants(function.group())) {
            if (variant.implementsFunction(function.id())
                    && (!accessible(program.variantClass(variant), function, callerClass)
                            || !moduleAccessible(program.variantClass(variant), callerClass))) {
                return false;
            }
        }
        return true;
    }

    private boolean groupAccessible(String callerClass, Function function) {
        ClassInfo group = program.groupClass(function.group());
        return group == null || group.isPublic() || group.packageName().equals(InternalNames.packageOf(callerClass));
    }

    /** Returns whether code in the caller class may call the variant's implementation of the function. */
    private static boolean accessible(ClassInfo variant, Function function, String callerClass) {
        if (variant == null) {
            return false;
        }
        ClassInfo.MethodInfo method = variant.method(function.method().name(), function.method().descriptor());
        if (method == null) {
            return false;
        }
        boolean samePackage = variant.packageName().equals(InternalNames.packageOf(callerClass));
        boolean classOk = variant.isPublic() || samePackage;
        boolean methodOk = (method.access() & Opcodes.ACC_PUBLIC) != 0
                || (method.access() & Opcodes.ACC_PRIVATE) == 0 && samePackage;
        return classOk && methodOk;
    }

    /**
     * Returns whether the caller's module may use the variant's class: its module reads the variant's, which exports
     * the variant's package to it (invariant 9). Class and method access are {@link #accessible}'s.
     */
    private boolean moduleAccessible(ClassInfo variant, String callerClass) {
        return variant != null && modules.denial(callerClass, variant.name()) == null;
    }

    private static String methodKey(Site site) {
        return site.caller().name() + site.caller().descriptor();
    }
}
