package dev.patchsite.linker.internal.input;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What access checks need of one module of the program: read from an input's {@code module-info.class}.
 *
 * @param name the module's name
 * @param requires the names of the modules it requires
 * @param transitive the names of the modules it requires transitively (a subset of {@code requires})
 * @param exports the exported packages, as internal names ({@code com/example/api}), each with the modules it is
 *     exported to, or an empty list for an unqualified export
 * @param packages the module's packages, as internal names: its {@code ModulePackages} attribute, or else the
 *     packages of the input's classes
 * @param location where the descriptor was read from, for messages
 */
public record ModuleFacts(String name, Set<String> requires, Set<String> transitive, Map<String, List<String>> exports,
        Set<String> packages, String location) {

    /** Copies the collections. */
    public ModuleFacts {
        requires = Set.copyOf(requires);
        transitive = Set.copyOf(transitive);
        exports = Map.copyOf(exports);
        packages = Set.copyOf(packages);
    }

    /**
     * Returns whether the module exports a package to another module.
     *
     * @param pkg the internal name of the package
     * @param to the other module's name, or null for code in no named module (the class path)
     * @return whether code there may access the package's public types
     */
    public boolean exports(String pkg, String to) {
        List<String> targets = exports.get(pkg);
        return targets != null && (targets.isEmpty() || to != null && targets.contains(to));
    }
}
