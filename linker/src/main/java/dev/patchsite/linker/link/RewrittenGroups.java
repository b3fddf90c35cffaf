package dev.patchsite.linker.link;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.input.ClassPaths;
import dev.patchsite.linker.internal.declarations.Declarations;
import dev.patchsite.linker.scan.LinkedForms;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides which groups a link gives trampolines: those whose class a jar being linked holds, unless a variant this
 * link only reads (a {@code --classpath} jar, a dependency) calls one of the group's functions. Such a super-call
 * means the default, but this link cannot rewrite it: were the function a trampoline, the call would reach the
 * selection, the variant itself, and recurse. So the group keeps its bodies in this link, as a group of code the
 * link does not own does, and its sites reach the selection through a generated trampoline class.
 */
final class RewrittenGroups {

    private RewrittenGroups() {
    }

    /**
     * Returns the internal names of the groups this link rewrites.
     *
     * @param table the program's table
     * @param declarations the program's declarations
     * @param linked the jars this link rewrites
     * @param linkedSuperCalls the super-calls already rewritten to call the default (found in linked bytecode)
     * @param log where the groups that keep their bodies are reported
     * @return the groups, sorted
     * @throws LinkException if a variant this link only reads calls a function whose group class was already linked
     *     in a build of its own: the program would recurse once the variant is selected, and this link cannot help
     */
    static Set<String> of(PatchSiteTable table, Declarations declarations, List<JarLinker> linked,
            Set<Site.Key> linkedSuperCalls, PatchsiteLog log) throws LinkException {
        Set<String> groups = new TreeSet<>();
        Map<String, Function> functions = new HashMap<>();
        for (Function function : table.functions()) {
            functions.put(function.id(), function);
            String entry = function.group() + ".class";
            if (linked.stream().anyMatch(jar -> jar.holdsClass(entry))) {
                groups.add(function.group());
            }
        }
        for (Site site : table.sites()) {
            String caller = site.caller().owner();
            String entry = ClassPaths.path(caller, site.release());
            if (!site.superCall() || site.kind() != SiteKind.INVOKE || linkedSuperCalls.contains(site.key())
                    || linked.stream().anyMatch(jar -> jar.holdsClass(entry))) {
                continue;
            }
            Function function = functions.get(site.functionId());
            String variant = where(declarations, caller);
            if (groups.remove(function.group())) {
                log.warn(function.group().replace('/', '.') + " keeps its functions' bodies (no trampolines): variant "
                        + variant + ", which this link only reads, calls " + function.method().nameAndDescriptor()
                        + " to mean the default. The program's sites still reach the selection, but callers this"
                        + " link does not rewrite (reflection, other jars) run the default. Link the variant's jar"
                        + " with it to give the group trampolines");
            } else if (LinkedForms.linked(declarations.groupClasses().get(function.group()), function.method())) {
                throw new LinkException("variant " + variant + " calls " + function.id() + " to mean the default,"
                        + " but " + declarations.groupClasses().get(function.group()).location() + " is already"
                        + " linked, so the call reaches the selection and recurses once the variant is selected;"
                        + " link the variant's jar too (as an input of this link, or in its own build)");
            }
        }
        return groups;
    }

    private static String where(Declarations declarations, String className) {
        for (ClassInfo info : declarations.variantClasses().values()) {
            if (info.name().equals(className)) {
                return info.location();
            }
        }
        return className.replace('/', '.');
    }
}
