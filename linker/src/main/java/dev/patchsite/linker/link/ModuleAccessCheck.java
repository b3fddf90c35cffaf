package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.input.ModuleFacts;
import dev.patchsite.linker.internal.input.ProgramModules;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.linker.table.Variant;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that module access allows what a linked table binds (invariant 9): a site bound directly ({@code patch},
 * {@code indy}, {@code direct}) must be able to reach every variant it may call, and a named module with
 * {@code invokedynamic} sites must require the runtime, whose bootstrap methods they name.
 */
final class ModuleAccessCheck {

    private static final String RUNTIME_MODULE = "dev.patchsite.runtime";

    private ModuleAccessCheck() {
    }

    /**
     * Returns the problems of a linked table's sites under the modules of the program.
     *
     * @param jar the linked jar, for messages
     * @param table its embedded table
     * @param modules the modules of the jar and its classpath
     * @return the problems, one line each
     */
    static List<String> problems(Path jar, PatchSiteTable table, ProgramModules modules) {
        List<String> problems = new ArrayList<>();
        if (modules.isEmpty()) {
            return problems;
        }
        for (Site site : table.sites()) {
            Binding binding = site.binding();
            if (binding == null || binding.kind() != Binding.Kind.PATCH && binding.kind() != Binding.Kind.INDY
                    && binding.kind() != Binding.Kind.DIRECT) {
                continue;
            }
            String caller = site.caller().owner();
            String line = jar + ": " + TableWriter.siteLine(site).substring("site ".length()) + ": bound "
                    + binding.label();
            for (Variant variant : targets(table, site)) {
                String denial = modules.denial(caller, variant.className());
                if (denial != null) {
                    problems.add(line + " but it cannot reach variant " + variant.name() + " ("
                            + variant.className().replace('/', '.') + "): " + denial);
                }
            }
            ModuleFacts module = modules.moduleOf(caller);
            if (binding.kind() == Binding.Kind.INDY && module != null && !module.requires().contains(RUNTIME_MODULE)) {
                problems.add(line + " but module " + module.name() + " does not require " + RUNTIME_MODULE
                        + ", whose bootstrap methods the site names");
            }
        }
        return problems;
    }

    /** Returns the variants a directly bound site may call: the static selection, or each implementing variant. */
    private static List<Variant> targets(PatchSiteTable table, Site site) {
        List<Variant> targets = new ArrayList<>();
        for (Variant variant : table.variants()) {
            if (!variant.implementsFunction(site.functionId())) {
                continue;
            }
            String selected = table.linkedSelections().get(variant.group().replace('/', '.'));
            if (site.binding().kind() != Binding.Kind.DIRECT || variant.name().equals(selected)) {
                targets.add(variant);
            }
        }
        return targets;
    }
}
