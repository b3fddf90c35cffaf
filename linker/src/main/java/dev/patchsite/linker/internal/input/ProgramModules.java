package dev.patchsite.linker.internal.input;

import dev.patchsite.linker.internal.classfile.InternalNames;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The named modules among a program's inputs, and the module access rules between their classes: a class in module
 * M may use a public member of a class in another module N only if M reads N (it requires N, or a module that
 * requires N transitively) and N exports the class's package to M (to everyone, or to M by name). Kept per package,
 * never per class.
 *
 * <p>A class in no module's package runs on the class path (the unnamed module), or as an automatic module when its
 * jar is put on the module path: it reads every module, and is read by no named module that did not require it by a
 * name the linker cannot know. The rules here are those that hold however the program is run: a named module's class
 * may not use a class in no module, and code in no module may only use exported packages.
 */
public final class ProgramModules {

    /** A program in which no input is a module. */
    public static final ProgramModules NONE = new ProgramModules(List.of());

    private final Map<String, ModuleFacts> byPackage = new HashMap<>();
    private final Map<String, ModuleFacts> byName = new HashMap<>();

    /**
     * Creates the modules of a program.
     *
     * @param modules the modules, in classpath order; the first to hold a package or take a name has it
     */
    public ProgramModules(List<ModuleFacts> modules) {
        for (ModuleFacts module : modules) {
            byName.putIfAbsent(module.name(), module);
            for (String pkg : module.packages()) {
                byPackage.putIfAbsent(pkg, module);
            }
        }
    }

    /** Returns whether no input is a module. */
    public boolean isEmpty() {
        return byName.isEmpty();
    }

    /**
     * Returns the module a class is in.
     *
     * @param internalName the class's internal name
     * @return its module, or null if no named module of the program holds its package
     */
    public ModuleFacts moduleOf(String internalName) {
        return byPackage.get(InternalNames.packageOf(internalName));
    }

    /**
     * Returns why code in one class may not use the public members of a public class of another, as modules rule.
     *
     * @param fromClass the internal name of the using class
     * @param toClass the internal name of the used class
     * @return null if it may, else the reason, e.g. {@code module lib does not export lib.impl to module app}
     */
    public String denial(String fromClass, String toClass) {
        ModuleFacts from = moduleOf(fromClass);
        ModuleFacts to = moduleOf(toClass);
        if (from == to) {
            return null;
        }
        if (to == null) {
            return "module " + from.name() + " cannot read " + toClass.replace('/', '.') + ", which is in no module";
        }
        String pkg = InternalNames.packageOf(toClass);
        if (from != null && !reads(from, to.name())) {
            return "module " + from.name() + " does not read module " + to.name();
        }
        if (!to.exports(pkg, from == null ? null : from.name())) {
            return "module " + to.name() + " does not export " + pkg.replace('/', '.') + " to "
                    + (from == null ? "the unnamed module" : "module " + from.name());
        }
        return null;
    }

    /** Returns whether a module reads another: requires it, or requires a module that requires it transitively. */
    private boolean reads(ModuleFacts module, String other) {
        Set<String> seen = new HashSet<>();
        Deque<String> next = new ArrayDeque<>(module.requires());
        while (!next.isEmpty()) {
            String name = next.pop();
            if (name.equals(other)) {
                return true;
            }
            ModuleFacts required = byName.get(name);
            if (seen.add(name) && required != null) {
                next.addAll(required.transitive());
            }
        }
        return false;
    }
}
