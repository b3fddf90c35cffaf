package dev.patchsite.linker.scan;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import java.util.Map;

/**
 * What a scan found: the patch-site table, and the declarations behind it (the classes of the variants), which
 * linking needs to decide how each site can be bound.
 *
 * @param table the program's patch-site table
 * @param declarations the functions and variants, with the variant classes
 * @param classesWithSites the bytes of classes with sites the scan kept for linking, by {@link ClassEntry#location()}:
 *     as many as the budget given to the scan allowed; take them out as they are used
 * @param modules the named modules among the inputs, for module access checks
 * @param inherited the functions by the methods of subclasses that inherit them, e.g. {@code Sub.f()I} to the
 *     function {@code G.f()I}: a call naming one of these is a site of the function
 */
public record ScanResult(PatchSiteTable table, Declarations declarations, Map<String, byte[]> classesWithSites,
        ProgramModules modules, Map<MethodRef, Function> inherited) {
}
