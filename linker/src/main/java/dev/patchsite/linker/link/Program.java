package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.declarations.Declarations;
import dev.patchsite.linker.scan.LinkedForms;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.Bootstrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The whole program as linking sees it: the scanned table and declarations, which groups this link rewrites, and
 * the static selections. Answers where each kind of call must go.
 */
final class Program {

    private final LinkMode mode;
    private final PatchSiteTable table;
    private final Declarations declarations;
    private final Set<String> rewrittenGroups;
    private final Map<String, String> selections;
    private final Set<MethodRef> emptyBodies;
    private final Map<String, Function> functionsById = new HashMap<>();
    private final Map<String, List<Variant>> variantsByGroup = new HashMap<>();
    private final Map<String, List<Function>> functionsByGroup = new HashMap<>();

    Program(LinkMode mode, PatchSiteTable table, Declarations declarations, Set<String> rewrittenGroups,
            Map<String, String> selections, Set<MethodRef> emptyBodies) {
        this.mode = mode;
        this.emptyBodies = emptyBodies;
        this.table = table;
        this.declarations = declarations;
        this.rewrittenGroups = rewrittenGroups;
        this.selections = selections;
        for (Function function : table.functions()) {
            functionsById.put(function.id(), function);
            functionsByGroup.computeIfAbsent(function.group(), g -> new ArrayList<>()).add(function);
        }
        for (Variant variant : table.variants()) {
            variantsByGroup.computeIfAbsent(variant.group(), g -> new ArrayList<>()).add(variant);
        }
    }

    LinkMode mode() {
        return mode;
    }

    PatchSiteTable table() {
        return table;
    }

    Function function(String id) {
        return functionsById.get(id);
    }

    /** Returns the group's functions, in table order. */
    List<Function> functions(String group) {
        return functionsByGroup.getOrDefault(group, List.of());
    }

    /** Returns the group's variants, in table order. */
    List<Variant> variants(String group) {
        return variantsByGroup.getOrDefault(group, List.of());
    }

    /** Returns whether this link rewrites the group's class, giving its functions trampolines. */
    boolean rewritten(String group) {
        return rewrittenGroups.contains(group);
    }

    boolean isInterface(String group) {
        ClassInfo info = declarations.groupClasses().get(group);
        return info != null && info.isInterface();
    }

    /** Returns whether a method owner a rewritten call may name is an interface: a group or a variant. */
    boolean isInterfaceOwner(String owner) {
        if (isInterface(owner)) {
            return true;
        }
        for (ClassInfo info : declarations.variantClasses().values()) {
            if (info.name().equals(owner)) {
                return info.isInterface();
            }
        }
        return false;
    }

    ClassInfo variantClass(Variant variant) {
        return declarations.variantClasses().get(variant);
    }

    ClassInfo groupClass(String group) {
        return declarations.groupClasses().get(group);
    }

    /** Returns the method holding a function's own body once linked. */
    MethodRef defaultBody(Function function) {
        MethodRef method = function.method();
        return rewritten(function.group())
                ? new MethodRef(method.owner(), Bootstrap.DEFAULT_PREFIX + method.name(), method.descriptor())
                : method;
    }

    /**
     * Returns where the group class read at link time has a function's default: its moved body if that class was
     * linked already (in a build of its own), else the function itself. Only for calls that cannot ask the group as
     * loaded at run time.
     */
    MethodRef defaultAsRead(Function function) {
        MethodRef method = function.method();
        return LinkedForms.linked(groupClass(function.group()), method) ? LinkedForms.defaultBody(method)
                : defaultBody(function);
    }

    /** Returns the method that forwards a function to its selection: its own, or a generated trampoline class's. */
    MethodRef trampoline(Function function) {
        MethodRef method = function.method();
        return rewritten(function.group()) ? method
                : new MethodRef(generatedTrampolineClass(function.group()), method.name(), method.descriptor());
    }

    /** Returns the internal name of the trampoline class generated for a group this link does not rewrite. */
    static String generatedTrampolineClass(String group) {
        return Bootstrap.TRAMPOLINE_PACKAGE.replace('.', '/') + group;
    }

    /** Returns the static-mode selection of a group: a variant, or null for the default. */
    Variant staticSelection(String group) {
        String name = selections.get(group.replace('/', '.'));
        if (name == null) {
            return null;
        }
        for (Variant variant : variants(group)) {
            if (variant.name().equals(name)) {
                return variant;
            }
        }
        return null;
    }

    /**
     * Returns whether a call of the method may be patched out ({@link EmptyBodies}): by the boot agent, or by a
     * {@code static} link.
     */
    boolean emptyBody(MethodRef method) {
        return emptyBodies.contains(method);
    }

    /** Returns the method a call of a function runs under a variant: the variant's, or the default body. */
    MethodRef implementation(Variant variant, Function function) {
        if (variant == null || !variant.implementsFunction(function.id())) {
            return defaultBody(function);
        }
        return new MethodRef(variant.className(), function.method().name(), function.method().descriptor());
    }
}
