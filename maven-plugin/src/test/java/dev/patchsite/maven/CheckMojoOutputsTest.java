package dev.patchsite.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The check goal never writes its table or report over the baseline it compares with. */
class CheckMojoOutputsTest {

    @TempDir
    Path dir;

    @Test
    void aBaselineThatIsTheGoalsOwnTableIsRefused() throws IOException {
        Path table = dir.resolve("target/patchsite/patchsite.table");
        Path report = table.resolveSibling("report.md");
        Files.createDirectories(table.getParent());
        Path baseline = Files.writeString(table, "patchsite-table 1\n");
        Path spelled = dir.resolve("target/patchsite/../patchsite/patchsite.table");

        MojoFailureException e = assertThrows(MojoFailureException.class,
                () -> CheckMojo.refuseOutputsOverBaseline(spelled, table, report));

        assertEquals("patchsite parameter baseline: " + table + " is also an input (" + spelled + "); patchsite"
                + " never modifies its inputs: write the output elsewhere and move it if you must (the check goal"
                + " writes its table and report there: keep the baseline with the sources, e.g."
                + " src/patchsite/baseline.table)", e.getMessage());
        assertEquals("patchsite-table 1\n", Files.readString(baseline));
    }

    @Test
    void aBaselineElsewhereIsAccepted() throws MojoFailureException {
        Path table = dir.resolve("target/patchsite/patchsite.table");
        CheckMojo.refuseOutputsOverBaseline(dir.resolve("src/patchsite/baseline.table"), table,
                table.resolveSibling("report.md"));
    }
}
