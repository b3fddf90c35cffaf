package dev.patchsite.linker.scan;

import dev.patchsite.linker.internal.declarations.Declarations;
import dev.patchsite.linker.internal.input.ClassEntry;
import dev.patchsite.linker.internal.input.ProgramModules;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import java.util.Map;
import java.util.Set;

/**
 * What a scan found: the patch-site table, and the declarations behind it (the classes of the variants), which
 * linking needs to decide how each site can be bound. For the {@code link} package, not for library users: it carries
 * internal types (the declarations, the program's modules), so a caller outside the core takes the table from
 * {@link Scanner#scan} instead.
 *
 * @param table the program's patch-site table
 * @param declarations the functions and variants, with the variant classes
 * @param classesWithSites the bytes of classes with sites the scan kept for linking, by {@link ClassEntry#location()}:
 *     as many as the budget given to the scan allowed; take them out as they are used
 * @param modules the named modules among the inputs, for module access checks
 * @param inherited the functions by the methods of subclasses that inherit them, e.g. {@code Sub.f()I} to the
 *     function {@code G.f()I}: a call naming one of these is a site of the function
 * @param linkedSuperCalls the super-calls found in linked bytecode, already calling the default (its default body, or
 *     an {@code invokedynamic} the runtime binds to it): the table lists them as the program wrote them, but unlike
 *     a variant's {@code invokestatic} of its function, they never reach the selection
 */
public record ScanResult(PatchSiteTable table, Declarations declarations, Map<String, byte[]> classesWithSites,
        ProgramModules modules, Map<MethodRef, Function> inherited, Set<Site.Key> linkedSuperCalls) {
}
