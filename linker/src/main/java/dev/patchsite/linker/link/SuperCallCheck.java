package dev.patchsite.linker.link;

import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.scan.LinkedForms;
import dev.patchsite.linker.scan.ScanResult;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.TableWriter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Finds super-calls that would recurse (invariant 3): a variant's {@code invokestatic} of a function it implements,
 * which means the default, while the group class it would run against is linked, so that the function is a
 * trampoline to the selection, the variant itself. A linked variant's super-calls name the default body or are bound
 * by the runtime, so only a variant no link rewrote (a jar of variants never linked) shows one.
 */
final class SuperCallCheck {

    private SuperCallCheck() {
    }

    /**
     * Adds a problem for each super-call of a scanned program that would recurse.
     *
     * @param program the scan of the verified jar and its class path, as the program runs
     * @param problems receives the problems
     */
    static void check(ScanResult program, List<String> problems) {
        Map<String, Function> functions = new HashMap<>();
        program.table().functions().forEach(f -> functions.put(f.id(), f));
        for (Site site : program.table().sites()) {
            if (!site.superCall() || site.kind() != SiteKind.INVOKE
                    || program.linkedSuperCalls().contains(site.key())) {
                continue;
            }
            Function function = functions.get(site.functionId());
            MethodRef method = function.method();
            ClassInfo group = program.declarations().groupClasses().get(function.group());
            if (LinkedForms.linked(group, method)) {
                problems.add(TableWriter.siteLine(site).substring("site ".length()) + ": a super-call, meaning the"
                        + " default, of a function whose group " + group.location() + " is linked: it reaches the"
                        + " selection and recurses once the variant is selected; link the variant's jar");
            }
        }
    }
}
