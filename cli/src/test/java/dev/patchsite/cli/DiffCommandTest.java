package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code patchsite diff}: version 1 of the sample against version 2 (one site moved from {@code Worker.run()} into the
 * new {@code Worker.release(QLock)}: one site removed, one added), in every format, from jars and from table files;
 * the {@code --fail-on} policies; identical tables; bad table files; {@code -o}.
 *
 * <p>The golden reports hold {@code ${old}} and {@code ${new}} where the report repeats the OLD and NEW arguments.
 */
class DiffCommandTest {

    private static final String FORMATS = """
            text,     txt
            markdown, md
            json,     json
            github,   github
            """;

    @TempDir
    static Path tables;

    static Path v1Table;
    static Path v2Table;

    @TempDir
    Path tmp;

    /** Writes the tables of both versions with {@code scan -o}, as a CI job would keep a baseline. */
    @BeforeAll
    static void scanBothVersions() {
        v1Table = tables.resolve("v1.table");
        v2Table = tables.resolve("v2.table");
        Cli.run("scan", "-o", v1Table, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
        Cli.run("scan", "-o", v2Table, Samples.jar(Samples.SAMPLE_V2)).assertClean(ExitCode.OK.code());
    }

    private static Path v1() {
        return Samples.jar(Samples.SAMPLE);
    }

    private static Path v2() {
        return Samples.jar(Samples.SAMPLE_V2);
    }

    /** The placeholders of a golden report: the arguments as the format writes them. */
    private static Map<String, String> names(String format, Path oldInput, Path newInput) {
        return format.equals("json")
                ? Map.of("old", Golden.json(oldInput.toString()), "new", Golden.json(newInput.toString()))
                : Map.of("old", oldInput.toString(), "new", newInput.toString());
    }

    // ---- version 1 against version 2, in every format

    @ParameterizedTest(name = "--format {0}")
    @CsvSource(textBlock = FORMATS)
    void jarsInEveryFormat(String format, String extension) {
        Cli.Result result = Cli.run("diff", "--format", format, v1(), v2()).assertClean(ExitCode.DIFFERENCE.code());
        Golden.assertMatches("diff-v1-v2." + extension, result.out(), names(format, v1(), v2()));
    }

    @ParameterizedTest(name = "--format {0}")
    @CsvSource(textBlock = FORMATS)
    void tableFilesInEveryFormat(String format, String extension) {
        Cli.Result result = Cli.run("diff", "--format", format, v1Table, v2Table).assertClean(ExitCode.DIFFERENCE.code());
        Golden.assertMatches("diff-v1-v2." + extension, result.out(), names(format, v1Table, v2Table));
    }

    @Test
    void tableFileAgainstJar() {
        Cli.Result result = Cli.run("diff", v1Table, v2()).assertClean(ExitCode.DIFFERENCE.code());
        Golden.assertMatches("diff-v1-v2.txt", result.out(), names("text", v1Table, v2()));
    }

    @Test
    void goldenReportShowsExactlyTheMovedSite() {
        // Pins down what the golden report must say, so that a regenerated one cannot say something else.
        List<String> lines = Golden.read("diff-v1-v2.txt").lines().toList();
        String unlock = "dev.patchsite.sample.lock.SpinLock.unlock(Ldev/patchsite/sample/lock/QLock;)V";
        assertEquals(List.of(
                "patchsite diff: ${old} -> ${new}",
                "",
                "function " + unlock,
                "+ site " + unlock + " dev.patchsite.sample.app.Worker.release(Ldev/patchsite/sample/lock/QLock;)V #0"
                        + " invoke line=56 offset=1",
                "- site " + unlock + " dev.patchsite.sample.app.Worker.run()V #0 invoke line=50 offset=31",
                "",
                "1 site added, 1 site removed",
                "FAILED: the patch-site table changed (--fail-on any)"), lines);
    }

    // ---- --fail-on

    @ParameterizedTest(name = "--fail-on {0} -> {1}")
    @CsvSource({"any, 1", "added, 1", "removed, 1", "none, 0"})
    void failOnWithASiteAddedAndOneRemoved(String policy, int exitCode) {
        Cli.Result result = Cli.run("diff", "--fail-on", policy, v1Table, v2Table).assertClean(exitCode);
        String report = Golden.read("diff-v1-v2.txt", names("text", v1Table, v2Table));
        String body = report.substring(0, report.indexOf("FAILED: "));
        String failed = switch (policy) {
            case "any" -> "FAILED: the patch-site table changed (--fail-on any)\n";
            case "added" -> "FAILED: 1 site added (--fail-on added)\n";
            case "removed" -> "FAILED: 1 site removed (--fail-on removed)\n";
            default -> "";
        };
        assertEquals(body + failed, result.out());
    }

    /** The library alone has 3 of the 20 sites; the app adds the other 17 and removes none. */
    @ParameterizedTest(name = "--fail-on {0} -> {1}")
    @CsvSource({"any, 1, FAILED: the patch-site table changed (--fail-on any)",
        "added, 1, FAILED: 17 sites added (--fail-on added)",
        "removed, 0, 17 sites added",
        "none, 0, 17 sites added"})
    void failOnWithSitesOnlyAdded(String policy, int exitCode, String lastLine) {
        Cli.Result result = Cli.run("diff", "--fail-on", policy, Samples.jar(Samples.SAMPLE_LIB), v1())
                .assertClean(exitCode);
        List<String> lines = result.out().lines().toList();
        assertEquals(lastLine, lines.get(lines.size() - 1), result.out());
        assertEquals(17, lines.stream().filter(l -> l.startsWith("+ site ")).count(), result.out());
        assertEquals(0, lines.stream().filter(l -> l.startsWith("- ")).count(), result.out());
    }

    @ParameterizedTest(name = "--fail-on {0} -> {1}")
    @CsvSource({"any, 1, FAILED: the patch-site table changed (--fail-on any)",
        "added, 0, 17 sites removed",
        "removed, 1, FAILED: 17 sites removed (--fail-on removed)",
        "none, 0, 17 sites removed"})
    void failOnWithSitesOnlyRemoved(String policy, int exitCode, String lastLine) {
        Cli.Result result = Cli.run("diff", "--fail-on", policy, v1(), Samples.jar(Samples.SAMPLE_LIB))
                .assertClean(exitCode);
        List<String> lines = result.out().lines().toList();
        assertEquals(lastLine, lines.get(lines.size() - 1), result.out());
        assertEquals(17, lines.stream().filter(l -> l.startsWith("- site ")).count(), result.out());
        assertEquals(0, lines.stream().filter(l -> l.startsWith("+ ")).count(), result.out());
    }

    @Test
    void githubAnnotationsAreNoticesWhenThePolicyDoesNotFail() {
        Cli.Result result = Cli.run("diff", "--format", "github", "--fail-on", "none", v1(), v2())
                .assertClean(ExitCode.OK.code());
        String failing = Golden.read("diff-v1-v2.github", names("github", v1(), v2()));
        String expected = failing.replace("::error ", "::notice ")
                .replace("; FAILED: the patch-site table changed (--fail-on any)", "");
        assertEquals(expected, result.out());
    }

    // ---- identical tables

    /** A jar against the table that scan wrote of it: nothing differs, in any format; exit 0 even with any. */
    @ParameterizedTest(name = "--format {0}")
    @CsvSource(textBlock = FORMATS)
    void identicalTablesInEveryFormat(String format, String extension) {
        Cli.Result result = Cli.run("diff", "--format", format, "--fail-on", "any", v1(), v1Table)
                .assertClean(ExitCode.OK.code());
        Golden.assertMatches("diff-same." + extension, result.out(), names(format, v1(), v1Table));
    }

    @Test
    void sameJarTwice() {
        Cli.Result result = Cli.run("diff", v2(), v2()).assertClean(ExitCode.OK.code());
        assertEquals("patchsite diff: " + v2() + " -> " + v2() + "\nno differences\n", result.out());
    }

    /** A jar read twice, as both tables, is warned of once. */
    @Test
    void sameJarTwiceIsWarnedOfOnce() throws IOException {
        Path oneJar = JarEdits.withJarInside(v2(), tmp.resolve("one.jar"));
        Cli.Result result = Cli.run("diff", oneJar, oneJar).assertExit(ExitCode.OK.code());
        assertEquals(List.of(JarEdits.jarInsideWarning(oneJar)), result.errLines());
    }

    @Test
    void aSiteThatOnlyMovedIsNoDifference() throws IOException {
        // Every site one line further down and at another offset: line and offset are not identity.
        String moved = TestFiles.read(v1Table).replaceAll(" line=(\\d+) offset=(\\d+)", " line=1$1 offset=2$2");
        Path movedTable = Files.writeString(tmp.resolve("moved.table"), moved);
        Cli.Result result = Cli.run("diff", v1Table, movedTable).assertClean(ExitCode.OK.code());
        assertEquals("patchsite diff: " + v1Table + " -> " + movedTable + "\nno differences\n", result.out());
    }

    // ---- bad inputs

    @Test
    void tableFileWithASyntaxError() throws IOException {
        List<String> lines = TestFiles.read(v2Table).lines().toList();
        Path bad = tmp.resolve("bad.table");
        Files.writeString(bad, String.join("\n", lines.subList(0, 2)) + "\nbogus record\n"
                + String.join("\n", lines.subList(2, lines.size())) + "\n");

        for (List<Path> args : List.of(List.of(v1Table, bad), List.of(bad, v1Table))) {
            Cli.Result result = Cli.run("diff", args.get(0), args.get(1)).assertExit(ExitCode.INPUT.code())
                    .assertNoStackTrace();
            // The list of records the message names grows with the format; the position and the record do not.
            assertEquals(1, result.errLines().size(), result.err());
            assertTrue(result.err().startsWith("error: " + bad + ":3: unknown record \"bogus\"; expected "),
                    result.err());
            assertEquals("", result.out());
        }
    }

    @Test
    void tableFileWithABadSiteLine() throws IOException {
        String table = TestFiles.read(v1Table).replace(" #0 invoke line=80 offset=8", " #0 jump line=80 offset=8");
        Path bad = Files.writeString(tmp.resolve("bad-site.table"), table);
        int lineNumber = table.lines().toList().indexOf(table.lines().filter(l -> l.contains(" jump ")).findFirst()
                .orElseThrow()) + 1;

        Cli.Result result = Cli.run("diff", v1Table, bad).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();

        assertEquals(List.of("error: " + bad + ":" + lineNumber + ": unknown site kind \"jump\"; expected invoke, ref"
                + " or ldc"), result.errLines());
    }

    @Test
    void tableFileOfAnotherFormatVersion() throws IOException {
        Path bad = Files.writeString(tmp.resolve("future.table"), "# a comment\npatchsite-table 2\n");
        Cli.Result result = Cli.run("diff", v1Table, bad).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(List.of("error: " + bad + ":2: table format version 2 is not supported; this patchsite reads"
                + " version 1"), result.errLines());
    }

    @Test
    void missingInput() {
        Path missing = tmp.resolve("missing.table");
        Cli.Result result = Cli.run("diff", v1Table, missing).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(List.of("error: " + missing + ": no such file or directory"), result.errLines());
        assertEquals("", result.out());
    }

    // ---- -o

    @Test
    void outputFileHoldsTheReport() throws IOException {
        Path report = tmp.resolve("report.md");

        Cli.Result result = Cli.run("diff", "--format", "markdown", "-o", report, v1(), v2())
                .assertClean(ExitCode.DIFFERENCE.code());

        assertEquals("", result.out(), "stdout with -o");
        Golden.assertMatches("diff-v1-v2.md", TestFiles.read(report), names("markdown", v1(), v2()));
        assertEquals(List.of("report.md"), TestFiles.list(tmp), "files left beside the report");
    }

    // ---- usage errors

    @Test
    void usageErrors() {
        assertUsageError("Missing required parameter: 'NEW'", "diff", v1());
        assertUsageError("Missing required parameters: 'OLD', 'NEW'", "diff");
        assertUsageError("Invalid value for option '--format': expected one of text, markdown, json, github, sarif"
                + " but was 'html'", "diff", "--format", "html", v1(), v2());
        assertUsageError("Invalid value for option '--fail-on': expected one of any, added, removed, none but was"
                + " 'sometimes'", "diff", "--fail-on", "sometimes", v1(), v2());
        assertUsageError("--threads must be at least 1 but was 0", "diff", "--threads", "0", v1(), v2());
    }

    private static void assertUsageError(String reason, Object... args) {
        Cli.Result result = Cli.run(args).assertExit(ExitCode.USAGE.code()).assertNoStackTrace();
        assertEquals("", result.out(), "stdout");
        List<String> err = result.errLines();
        assertEquals(reason, err.get(0), result.err());
        assertTrue(err.get(1).startsWith("Usage: patchsite diff "), result.err());
    }
}
