/**
 * The CI diff of two patch-site tables: {@link dev.patchsite.linker.diff.TableDiff#compare} finds the functions,
 * variants and sites added, removed or changed between an old table (typically a committed baseline) and a new one,
 * {@link dev.patchsite.linker.diff.FailPolicy} decides whether the difference fails the build, and
 * {@link dev.patchsite.linker.diff.DiffFormat} renders it for a terminal, a pull-request comment, a tool, GitHub
 * Actions or code scanning (SARIF); a {@link dev.patchsite.linker.diff.DiffReport} says what else a report shows: the
 * tables' names, the {@link dev.patchsite.linker.diff.SourceRoots} where differences find their files and lines, and
 * the front-end's words.
 *
 * <p>A function's identity is its id, a variant's its group and name, a site's its
 * {@linkplain dev.patchsite.linker.table.Site#key() key}; a site's line and bytecode offset are not identity and not
 * compared, so an unrelated edit that moves a call is not a difference.
 */
package dev.patchsite.linker.diff;
