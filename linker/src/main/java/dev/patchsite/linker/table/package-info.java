/**
 * The patch-site table: its model ({@link dev.patchsite.linker.table.PatchSiteTable} of functions, variants and
 * sites, and the {@link dev.patchsite.linker.table.LinkMode} a table was linked in) and its formats
 * ({@link dev.patchsite.linker.table.TableWriter} and {@link dev.patchsite.linker.table.TableReader} for the text
 * form, {@link dev.patchsite.linker.table.TableJson} for JSON, both read and written; a site's
 * {@link dev.patchsite.linker.table.SourceFiles source file}), and the one-line
 * {@link dev.patchsite.linker.table.TableSummary} front-ends print. Depends only on the root package.
 */
package dev.patchsite.linker.table;
