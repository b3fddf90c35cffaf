package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exit codes are documented once: the README's table lists the codes of {@link ExitCode}, with their meanings. */
class ExitCodeTest {

    private static final String HEADING = "### Exit codes";

    @Test
    void theReadmeTableListsEveryExitCodeWithItsMeaning() throws IOException {
        List<String[]> rows = readmeRows();

        assertEquals(Arrays.stream(ExitCode.values()).map(c -> String.valueOf(c.code())).toList(),
                rows.stream().map(row -> row[0]).toList(), "the codes of README.md's exit code table vs ExitCode");
        for (int i = 0; i < rows.size(); i++) {
            ExitCode exitCode = ExitCode.values()[i];
            String meaning = rows.get(i)[1].replace("`", "");
            assertTrue(meaning.startsWith(exitCode.summary()), () -> "README.md's meaning of exit code "
                    + exitCode.code() + " begins with \"" + exitCode.summary() + "\" (ExitCode." + exitCode
                    + ".summary()), not: " + meaning);
        }
    }

    /** The rows of the README's table of exit codes: each code and its meaning. */
    private static List<String[]> readmeRows() throws IOException {
        String basedir = System.getProperty("basedir", System.getProperty("user.dir"));
        List<String> lines = Files.readAllLines(Path.of(basedir, "..", "README.md"), StandardCharsets.UTF_8);
        int heading = lines.indexOf(HEADING);
        assertTrue(heading >= 0, "README.md has a section " + HEADING);
        List<String[]> rows = new ArrayList<>();
        // The table: a header row, a separator row, then one row per code, up to the first line that is no row.
        for (String line : lines.subList(heading + 1, lines.size()).stream().dropWhile(l -> !l.startsWith("|"))
                .skip(2).takeWhile(l -> l.startsWith("|")).toList()) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|", 2);
            rows.add(new String[] {cells[0].trim(), cells[1].trim()});
        }
        return rows;
    }
}
