package dev.patchsite.linker.scan;

import dev.patchsite.linker.table.PatchSiteTable;

/**
 * What a scan found: the patch-site table, and the declarations behind it (the classes of the variants), which
 * linking needs to decide how each site can be bound.
 *
 * @param table the program's patch-site table
 * @param declarations the functions and variants, with the variant classes
 */
public record ScanResult(PatchSiteTable table, Declarations declarations) {
}
