package dev.patchsite.linker.link;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import dev.patchsite.runtime.Bootstrap;
import java.util.ArrayList;
import java.util.List;

/**
 * How linked bytecode names what the table names: a linked call may name a function's default body, its generated
 * trampoline or (static mode) a variant's implementation instead of the function, and a function's own body moves to
 * its default method. What linking (to find the sites it patched) and {@code verify} both need.
 */
public final class LinkedCalls {

    private LinkedCalls() {
    }

    /**
     * Returns the functions, and under the same ids every method a linked call of one may name instead, so that
     * scanning linked bytecode finds each site with its table identity.
     *
     * @param table the program's table
     * @param variants whether to include the variants' implementations (static mode's direct calls)
     * @return the functions to look for
     */
    public static List<Function> locatable(PatchSiteTable table, boolean variants) {
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
        return functions;
    }

    /**
     * Returns a site found in linked bytecode with the caller it had before linking: a site in a function's moved body
     * (its default method) belongs to the function.
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
        return new Site(site.functionId(), original, site.release(), site.ordinal(), site.kind(), site.superCall(),
                site.line(), site.offset(), site.binding());
    }

    private static Function renamed(Function function, String owner, String name) {
        return new Function(function.id(), new MethodRef(owner, name, function.method().descriptor()), false, false);
    }
}
