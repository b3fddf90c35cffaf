/**
 * The scan: finds a program's functions, variants and sites. {@link dev.patchsite.linker.scan.Scanner} is the entry
 * point (a {@link dev.patchsite.linker.ScanRequest} in, a {@link dev.patchsite.linker.scan.ScanResult} or a table
 * out), reading the entries a scan cache recorded as unchanged from the cache instead of the jar ({@code CacheUse},
 * over {@link dev.patchsite.linker.internal.cache}), and, through {@link dev.patchsite.linker.scan.CachedTables}, a
 * whole table from the cache when the program's jars are as they were ({@code ProgramKey});
 * {@link dev.patchsite.linker.scan.TableSource} gets a table from a table file, a linked jar or a program,
 * and is the one reader of a linked jar's embedded table; {@link dev.patchsite.linker.scan.ClassSites} and
 * {@link dev.patchsite.linker.scan.LinkedForms} serve the linker.
 */
package dev.patchsite.linker.scan;
