package dev.patchsite.linker.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A module's part of the sample program's table: the application's own sites, and the library's functions it calls. */
class ScopedTableTest {

    private static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata"));
    private static final Path APP_JAR = TESTDATA.resolve("sample-app.jar");
    private static final Path LIB_JAR = TESTDATA.resolve("sample-lib.jar");
    private static final ScanSettings SETTINGS = ScanSettings.defaults().withThreads(1);

    private static PatchSiteTable read(Path jar, List<Path> classpath, TableScope scope) throws Exception {
        return ScopedTable.read(ProgramFiles.of(jar).withClasspath(classpath), SETTINGS, scope);
    }

    @Test
    void theProgramScopeIsTheWholeProgramsTable() throws Exception {
        ProgramFiles program = ProgramFiles.of(APP_JAR).withClasspath(List.of(LIB_JAR));
        assertEquals(TableSource.program(program, SETTINGS), read(APP_JAR, List.of(LIB_JAR), TableScope.PROGRAM));
    }

    @Test
    void anApplicationRecordsItsOwnSitesAndTheFunctionsItCalls() throws Exception {
        PatchSiteTable program = read(APP_JAR, List.of(LIB_JAR), TableScope.PROGRAM);
        PatchSiteTable module = read(APP_JAR, List.of(LIB_JAR), TableScope.MODULE);

        List<Site> own = program.sites().stream()
                .filter(site -> site.caller().owner().startsWith("dev/patchsite/sample/app/")).toList();
        assertFalse(own.isEmpty(), "the sample application calls functions");
        assertTrue(own.size() < program.sites().size(), "the sample library has sites of its own");
        assertEquals(own, module.sites());
        assertTrue(own.stream().anyMatch(site -> site.release() == 11), "a multi-release copy's sites are the module's");
        assertEquals(List.of(), module.variants(), "the variants are the library's");
        Set<String> called = own.stream().map(Site::functionId).collect(Collectors.toSet());
        assertEquals(called, module.functions().stream().map(Function::id).collect(Collectors.toSet()));
    }

    @Test
    void aLibraryRecordsItsFunctionsVariantsAndSites() throws Exception {
        PatchSiteTable library = read(LIB_JAR, List.of(), TableScope.PROGRAM);
        assertEquals(library, read(LIB_JAR, List.of(APP_JAR), TableScope.MODULE),
                "an application on the library's class path adds nothing to the library's part");
    }

    @Test
    void theScopesHaveLabels() {
        assertEquals(TableScope.MODULE, TableScope.ofLabel("module"));
        assertEquals("program", TableScope.PROGRAM.label());
        assertEquals("unknown table scope \"all\"; expected module or program",
                org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                        () -> TableScope.ofLabel("all")).getMessage());
    }
}
