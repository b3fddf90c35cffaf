package dev.patchsite.linker.link;

import dev.patchsite.linker.scan.LinkedForms;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.Bootstrap;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How linked bytecode names what the table names: a linked call may name a function's default body, its generated
 * trampoline or (static mode) a variant's implementation instead of the function, and a function's own body moves to
 * its default method. What linking (to find the sites it patched) and {@code verify} both need.
 */
final class LinkedCalls {

    private LinkedCalls() {
    }

    /**
     * Returns the functions, and under the same ids every method a linked call of one may name instead (through a
     * subclass too, for a call that named one), so that scanning linked bytecode finds each site with its table
     * identity.
     *
     * @param table the program's table
     * @param variants whether to include the variants' implementations (static mode's direct calls)
     * @return the functions to look for
     */
    static List<Function> locatable(PatchSiteTable table, boolean variants) {
        List<Function> functions = new ArrayList<>();
        for (Function function : table.functions()) {
            MethodRef method = function.method();
            functions.add(function);
            functions.add(renamed(function, method.owner(), Bootstrap.DEFAULT_PREFIX + method.name()));
            functions.add(renamed(function, Program.generatedTrampolineClass(method.owner()), method.name()));
            if (variants) {
                for (Variant variant : table.variants()) {
                    if (variant.implementsFunction(function.id())) {
                        functions.add(renamed(function, variant.className(), method.name()));
                    }
                }
            }
        }
        // A call through a subclass names the default body through the subclass too.
        inherited(table).forEach((through, function) -> functions.add(renamed(function, through.owner(),
                Bootstrap.DEFAULT_PREFIX + function.method().name())));
        return functions;
    }

    /**
     * Returns the functions by the subclass methods the table's sites call them through ({@link Site#via()}), e.g.
     * {@code Sub.f()I} to the function {@code G.f()I}, so that linking finds those calls as the sites they are.
     *
     * @param table the program's table
     * @return the subclass methods the table names, each with its function
     */
    static Map<MethodRef, Function> inherited(PatchSiteTable table) {
        Map<String, Function> byId = new HashMap<>();
        table.functions().forEach(function -> byId.put(function.id(), function));
        Map<MethodRef, Function> inherited = new HashMap<>();
        for (Site site : table.sites()) {
            Function function = byId.get(site.functionId());
            if (site.via() != null && function != null) {
                MethodRef method = function.method();
                inherited.put(new MethodRef(site.via(), method.name(), method.descriptor()), function);
            }
        }
        return inherited;
    }

    /**
     * Returns a site found in linked bytecode with the caller it had before linking: a site in a function's moved body
     * (its default method) belongs to the function.
     *
     * @param site a site found in linked bytecode
     * @return the site with its original caller
     */
    static Site unmoved(Site site) {
        return LinkedForms.unmoved(site);
    }

    private static Function renamed(Function function, String owner, String name) {
        return new Function(function.id(), new MethodRef(owner, name, function.method().descriptor()), false, false);
    }
}
