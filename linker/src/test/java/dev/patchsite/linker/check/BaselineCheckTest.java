package dev.patchsite.linker.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.Notice;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.link.LinkRequest;
import dev.patchsite.linker.link.Linker;
import dev.patchsite.linker.table.LinkMode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baseline workflow on the sample program: check, update, check again, and the checks of its own files. */
class BaselineCheckTest {

    private static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata"));
    private static final ProgramFiles APP = ProgramFiles.of(TESTDATA.resolve("sample-app.jar"))
            .withClasspath(List.of(TESTDATA.resolve("sample-lib.jar")));
    private static final String COMMAND = "patchsite accept";

    @TempDir
    Path dir;

    private CheckRequest check(ProgramFiles program, FailPolicy policy) {
        Path table = dir.resolve("out/patchsite.table");
        return new CheckRequest(program, ScanSettings.defaults().withThreads(1), dir.resolve("baseline.table"),
                policy, table, table.resolveSibling("report.md"), dir, COMMAND);
    }

    private BaselineRequest update(ProgramFiles program) {
        return new BaselineRequest(program, ScanSettings.defaults().withThreads(1), dir.resolve("baseline.table"),
                dir);
    }

    private static String texts(CheckResult result) {
        return result.notices().stream().map(n -> n.level() + " " + n.text()).collect(Collectors.joining("\n"));
    }

    @Test
    void withoutABaselineTheCheckFailsAndSaysHowToCreateIt() throws Exception {
        CheckResult result = BaselineCheck.check(check(APP, FailPolicy.ANY));

        assertEquals(CheckResult.Status.NO_BASELINE, result.status());
        assertEquals("there is no baseline baseline.table to check the patch sites against; to create it, run: "
                + COMMAND + " and commit baseline.table", result.failure());
        assertEquals("ERROR patchsite: there is no baseline baseline.table to check the patch sites against (report:"
                + " out/report.md)\nERROR To create it, run: " + COMMAND + "\nERROR and commit baseline.table",
                texts(result));
        assertTrue(Files.readString(dir.resolve("out/patchsite.table")).startsWith("patchsite-table 1\n"));
        assertTrue(Files.isRegularFile(dir.resolve("out/report.md")));
    }

    @Test
    void withoutABaselineAndFailingOnNothingTheCheckWarns() throws Exception {
        CheckResult result = BaselineCheck.check(check(APP, FailPolicy.NONE));

        assertNull(result.failure());
        assertEquals("WARNING patchsite: no baseline baseline.table (--fail-on none); to create it, run: " + COMMAND,
                texts(result));
    }

    @Test
    void anUpdatedBaselineMatchesTheLinkedProgramToo() throws Exception {
        CheckResult created = BaselineUpdate.update(update(APP));
        assertEquals(CheckResult.Status.NO_BASELINE, created.status());
        assertTrue(texts(created).startsWith("INFO patchsite: created the baseline baseline.table: "), texts(created));
        assertEquals("INFO patchsite: the baseline baseline.table is up to date",
                texts(BaselineUpdate.update(update(APP))));

        // A linked jar carries the table of the program it was linked from.
        Path linked = dir.resolve("linked.jar");
        Linker.link(new LinkRequest(APP.jars(), APP.classpath(), List.of(linked), LinkMode.BOOT,
                Map.of(), null, 1, false, true, PatchsiteLog.SILENT));
        CheckResult result = BaselineCheck.check(check(new ProgramFiles(List.of(linked), APP.classpath(), null),
                FailPolicy.ANY));

        assertEquals(CheckResult.Status.MATCHES, result.status());
        assertFalse(result.fails());
        assertEquals("INFO patchsite: the patch sites match the baseline baseline.table: no differences",
                texts(result));
    }

    /**
     * A jar kept as an earlier build linked it, while its dependencies changed since (an incremental build), carries
     * a stale table: the check reads the program as it is now and says so, as a clean build would, instead of
     * passing on the stale table.
     */
    @Test
    void aJarLinkedAgainstOtherInputsIsCheckedAsItsProgramIsNow() throws Exception {
        BaselineUpdate.update(update(APP));
        Path linked = dir.resolve("linked.jar");
        Linker.link(new LinkRequest(APP.jars(), APP.classpath(), List.of(linked), LinkMode.BOOT, Map.of(), null, 1,
                false, true, PatchsiteLog.SILENT));
        RecordedLog log = new RecordedLog();
        Path table = dir.resolve("out/patchsite.table");
        // The library that declares the functions is gone from the class path: the app has no site any more.
        CheckResult result = BaselineCheck.check(new CheckRequest(ProgramFiles.of(linked),
                ScanSettings.defaults().withThreads(1).withLog(log), dir.resolve("baseline.table"), FailPolicy.ANY,
                table, table.resolveSibling("report.md"), dir, COMMAND));

        assertEquals(CheckResult.Status.DIFFERS, result.status());
        assertTrue(result.diff().removedCount() > 0, texts(result));
        assertEquals(List.of(linked + " was linked against other inputs than it has now: its table differs from the"
                + " program's as scanned now, which is used instead; link it again (rebuild it) to bind the sites"
                + " as they are"), log.warnings());
    }

    /**
     * A check reads its jar more than once (its embedded table, the program scanned, its own classes for the
     * module's part), but a jar inside it is warned of once, linked or stale.
     */
    @Test
    void aJarInsideTheJarIsWarnedOfOncePerCheck() throws Exception {
        Path app = dir.resolve("app.jar");
        try (ZipFile in = new ZipFile(APP.jars().get(0).toFile());
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(app))) {
            for (ZipEntry entry : Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                in.getInputStream(entry).transferTo(out);
            }
            out.putNextEntry(new ZipEntry("lib/extra.jar"));
        }
        Path linked = dir.resolve("linked.jar");
        Linker.link(new LinkRequest(List.of(app), APP.classpath(), List.of(linked), LinkMode.BOOT, Map.of(), null, 1,
                false, true, PatchsiteLog.SILENT));
        String warning = linked + "!/lib/extra.jar: a jar inside a jar that is not a Spring Boot or web archive is on"
                + " no class path the JVM knows of, so it is copied as it is, neither scanned nor linked; give it as an"
                + " input of its own";
        for (ProgramFiles program : List.of(ProgramFiles.of(linked).withClasspath(APP.classpath()),
                ProgramFiles.of(linked))) {
            RecordedLog log = new RecordedLog();
            Path table = dir.resolve("out/patchsite.table");
            BaselineCheck.check(new CheckRequest(program, ScanSettings.defaults().withThreads(1).withLog(log),
                    dir.resolve("baseline.table"), FailPolicy.NONE, table, table.resolveSibling("report.md"), dir,
                    COMMAND));
            assertEquals(1, log.warnings().stream().filter(warning::equals).count(), log.warnings().toString());
        }
    }

    @Test
    void aSiteAddedFailsTheCheckUnlessThePolicyIgnoresIt() throws Exception {
        BaselineUpdate.update(update(APP));
        Path baseline = dir.resolve("baseline.table");
        List<String> lines = Files.readAllLines(baseline);
        String removed = lines.stream().filter(line -> line.startsWith("site ")).findFirst().orElseThrow();
        Files.write(baseline, lines.stream().filter(line -> !line.equals(removed)).toList());

        CheckResult result = BaselineCheck.check(check(APP, FailPolicy.ANY));
        assertEquals(CheckResult.Status.DIFFERS, result.status());
        assertEquals(1, result.diff().addedCount());
        assertTrue(result.failure().startsWith("the patch sites changed against the baseline baseline.table: 1 site"
                + " added; to accept the change, run: " + COMMAND), result.failure());
        assertTrue(result.notices().stream().allMatch(n -> n.level() == Notice.Level.ERROR), texts(result));

        CheckResult removedOnly = BaselineCheck.check(check(APP, FailPolicy.REMOVED));
        assertNull(removedOnly.failure());
        assertEquals("INFO patchsite: the patch sites match the baseline baseline.table: 1 site added (--fail-on"
                + " removed) (report: out/report.md)", texts(removedOnly));
    }

    @Test
    void aBaselineThatIsTheChecksOwnTableIsRefused() throws IOException {
        Path table = dir.resolve("target/patchsite/patchsite.table");
        Path report = table.resolveSibling("report.md");
        Files.createDirectories(table.getParent());
        Path baseline = Files.writeString(table, "patchsite-table 1\n");
        Path spelled = dir.resolve("target/patchsite/../patchsite/patchsite.table");

        InputException e = assertThrows(InputException.class,
                () -> BaselineCheck.refuseOutputsOverBaseline(spelled, table, report));

        assertEquals("the baseline: " + table + " is also an input (" + spelled + "); patchsite never modifies its"
                + " inputs: write the output elsewhere and move it if you must (the check writes its table and report"
                + " there: keep the baseline with the sources, e.g. src/patchsite/baseline.table)", e.getMessage());
        assertEquals("patchsite-table 1\n", Files.readString(baseline));
    }

    @Test
    void aBaselineElsewhereIsAccepted() throws InputException {
        Path table = dir.resolve("target/patchsite/patchsite.table");
        BaselineCheck.refuseOutputsOverBaseline(dir.resolve("src/patchsite/baseline.table"), table,
                table.resolveSibling("report.md"));
    }
}
