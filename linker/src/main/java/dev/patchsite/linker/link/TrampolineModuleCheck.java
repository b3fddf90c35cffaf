package dev.patchsite.linker.link;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.internal.classfile.InternalNames;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.input.ProgramModules;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * Refuses a link whose trampolines could not reach their variants: a trampoline calls a variant from its group's
 * class, so a variant in a module that the group's module does not read, or in a package not exported to it, would
 * fail with an {@code IllegalAccessError} at run time. A site can stay on its trampoline; a trampoline has nowhere
 * else to go.
 */
final class TrampolineModuleCheck {

    private TrampolineModuleCheck() {
    }

    /**
     * Checks every variant of every group this link rewrites (in {@code static} mode, only the selected ones).
     *
     * @param program the program
     * @param modules the program's modules
     * @throws LinkException naming each unreachable variant and why
     */
    static void check(Program program, ProgramModules modules) throws LinkException {
        if (modules.isEmpty()) {
            return;
        }
        List<String> problems = new ArrayList<>();
        for (Variant variant : program.table().variants()) {
            boolean used = program.mode() != LinkMode.STATIC || variant.equals(program.staticSelection(variant.group()));
            // Only two named modules make a certain failure: a class in no module may run on the class path.
            boolean named = modules.moduleOf(variant.group()) != null && modules.moduleOf(variant.className()) != null;
            String denial = named ? modules.denial(variant.group(), variant.className()) : null;
            if (program.rewritten(variant.group()) && used && denial != null) {
                problems.add("variant " + variant.name() + " (" + variant.className().replace('/', '.') + ") of group "
                        + variant.group().replace('/', '.') + ": " + denial + ", so the group's trampolines cannot"
                        + " call it; export the package to the group's module (exports "
                        + InternalNames.packageOf(variant.className()).replace('/', '.') + " to "
                        + modules.moduleOf(variant.group()).name() + ") and make that module read the variant's");
            }
        }
        if (!problems.isEmpty()) {
            throw new LinkException(String.join("; ", problems));
        }
    }
}
