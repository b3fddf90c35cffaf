package dev.patchsite.linker.check;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.IoReasons;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.internal.input.ClassEntry;
import dev.patchsite.linker.internal.input.ClassPath;
import dev.patchsite.linker.scan.CachedTables;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The table a check or baseline records: the program's table as it is now ({@link TableSource#program}), narrowed to
 * its scope. A module's part ({@link TableScope#MODULE}) holds the sites whose caller class is in the
 * module's jar, the variants whose class is, and the functions that its classes declare, call or implement. A
 * dependency's function the module calls stays, so the baseline says what the module depends on; the dependency's
 * own sites and variants go, so that changing them does not change the module's baseline.
 */
final class ScopedTable {

    private ScopedTable() {
    }

    /**
     * Returns the table of a program in a scope.
     *
     * @param program the program; its first jar is the module
     * @param settings the threads and log to scan with
     * @param scope the module's part, or the whole program
     * @return the table, without link information
     * @throws PatchsiteException if an entry cannot be read, or scanning finds invalid declarations
     */
    static PatchSiteTable read(ProgramFiles program, ScanSettings settings, TableScope scope)
            throws PatchsiteException {
        // All of it depends on the program's jars alone, so a build of the same jars takes it from the scan cache.
        return CachedTables.get(ScanRequest.of(program, settings), "check, scope " + scope.label(), request -> {
            PatchSiteTable table = TableSource.program(program, request.settings());
            return scope == TableScope.PROGRAM ? table : module(table, program.jars().get(0));
        });
    }

    /**
     * Returns the module's part of a program's table.
     *
     * @param program the program's table
     * @param jar the module's jar: the classes it holds are the module's own
     * @return the narrowed table, without link information
     * @throws InputException if the jar cannot be read
     */
    static PatchSiteTable module(PatchSiteTable program, Path jar) throws InputException {
        Set<String> own = classes(jar);
        List<Site> sites = program.sites().stream().filter(s -> own.contains(s.caller().owner())).toList();
        List<Variant> variants = program.variants().stream().filter(v -> own.contains(v.className())).toList();
        Set<String> used = new HashSet<>();
        sites.forEach(site -> used.add(site.functionId()));
        variants.forEach(variant -> used.addAll(variant.implemented()));
        List<Function> functions = program.functions().stream()
                .filter(f -> own.contains(f.group()) || used.contains(f.id())).toList();
        return new PatchSiteTable(functions, variants, sites);
    }

    /** Returns the internal names of the classes a jar holds, multi-release copies included. */
    private static Set<String> classes(Path jar) throws InputException {
        Set<String> names = new HashSet<>();
        try (ClassPath classPath = ClassPath.open(List.of(jar), PatchsiteLog.SILENT)) {
            for (ClassEntry entry : classPath.entries()) {
                names.add(entry.className());
            }
        } catch (IOException e) {
            throw new InputException(jar + ": cannot read: " + e.getMessage(), e);
        }
        return names;
    }
}
