package dev.patchsite.linker.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The baseline records no positions unless asked to: a call that moves changes no line of it, a baseline of the older
 * form with positions is rewritten once without them, and a check against it still shows the new build's positions.
 */
class BaselineUpdateTest {

    private static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata"));
    private static final ProgramFiles APP = ProgramFiles.of(TESTDATA.resolve("sample-app.jar"))
            .withClasspath(List.of(TESTDATA.resolve("sample-lib.jar")));

    @TempDir
    Path dir;

    private BaselineRequest update() {
        return new BaselineRequest(APP, ScanSettings.defaults().withThreads(1), dir.resolve("baseline.table"), dir);
    }

    private static String texts(CheckResult result) {
        return result.notices().stream().map(n -> n.level() + " " + n.text()).collect(Collectors.joining("\n"));
    }

    @Test
    void theBaselineHasNoPositions() throws Exception {
        BaselineUpdate.update(update());
        String text = Files.readString(dir.resolve("baseline.table"));

        assertFalse(text.contains(" line=") || text.contains(" offset="), text);
        assertTrue(text.contains("\nsite "), text);
        assertTrue(TableReader.read(dir.resolve("baseline.table")).sites().stream().noneMatch(Site::hasPosition));
    }

    @Test
    void aBaselineWithPositionsIsRewrittenOnceWithoutThem() throws Exception {
        Path baseline = dir.resolve("baseline.table");
        BaselineUpdate.update(update());
        String bare = Files.readString(baseline);
        // The older form: every site with a position, here not even the build's.
        Files.writeString(baseline, bare.replaceAll("(?m)^(site .*)$", "$1 line=999 offset=999"));

        CheckResult rewritten = BaselineUpdate.update(update());
        assertEquals(CheckResult.Status.MATCHES, rewritten.status());
        assertTrue(texts(rewritten).endsWith("INFO patchsite: updated the baseline baseline.table: no differences;"
                + " rewritten in the current form (without positions, comments or old fields)"), texts(rewritten));
        assertEquals(bare, Files.readString(baseline));
        assertEquals("INFO patchsite: the baseline baseline.table is up to date",
                texts(BaselineUpdate.update(update())));
    }

    /** Asked to, the baseline keeps positions; a call that only moved then rewrites its line, and still matches. */
    @Test
    void aBaselineMayKeepPositions() throws Exception {
        Path baseline = dir.resolve("baseline.table");
        BaselineRequest withPositions = new BaselineRequest(APP, ScanSettings.defaults().withThreads(1), baseline,
                dir, TableScope.MODULE, true);
        BaselineUpdate.update(withPositions);
        String text = Files.readString(baseline);
        assertTrue(TableReader.read(baseline).sites().stream().allMatch(Site::hasPosition), text);
        assertEquals("INFO patchsite: the baseline baseline.table is up to date",
                texts(BaselineUpdate.update(withPositions)));

        Files.writeString(baseline, text.replaceAll(" line=\\d+", " line=999"));
        CheckResult moved = BaselineUpdate.update(withPositions);
        assertEquals(CheckResult.Status.MATCHES, moved.status());
        assertTrue(texts(moved).endsWith("INFO patchsite: updated the baseline baseline.table: no differences;"
                + " rewritten in the current form (with this build's positions, without comments or old fields)"),
                texts(moved));
        assertEquals(text, Files.readString(baseline));
    }

    @Test
    void aCheckAgainstItShowsTheNewBuildsPositions() throws Exception {
        Path baseline = dir.resolve("baseline.table");
        BaselineUpdate.update(update());
        List<String> lines = Files.readAllLines(baseline);
        String dropped = lines.stream().filter(line -> line.startsWith("site ")).findFirst().orElseThrow();
        Files.write(baseline, lines.stream().filter(line -> !line.equals(dropped)).toList());
        Path table = dir.resolve("out/patchsite.table");

        CheckResult result = BaselineCheck.check(new CheckRequest(APP, ScanSettings.defaults().withThreads(1),
                baseline, FailPolicy.ANY, table, table.resolveSibling("report.md"), dir, "accept"));

        String added = result.notices().stream().map(n -> n.text()).filter(text -> text.startsWith("+ site "))
                .findFirst().orElseThrow();
        assertTrue(added.startsWith("+ " + dropped + " "), added);
        assertTrue(added.matches(".* line=[1-9]\\d* offset=\\d+"), added);
    }
}
