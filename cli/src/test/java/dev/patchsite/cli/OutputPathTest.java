package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * What {@code -o} may name, for every command that writes: never an input (compared as files: through a symbolic
 * link, a hard link or another spelling of the path), never two outputs in one; a symbolic link is written through;
 * a directory is refused; a device or FIFO is written to by {@code scan} and {@code diff} and refused by {@code link},
 * and never replaced by a regular file; {@code -o -} is standard output for text. Each refusal is one line naming the
 * file, with its documented exit code, no stack trace, and every input unchanged.
 */
class OutputPathTest {

    @TempDir
    Path dir;

    private Path sample;
    private Path table;

    @BeforeEach
    void copyInputs() throws IOException {
        sample = Files.copy(Samples.jar(Samples.SAMPLE), dir.resolve("sample.jar"));
        table = dir.resolve("sample.table");
        Cli.run("scan", sample, "-o", table).assertClean(ExitCode.OK.code());
    }

    // ---- an output that is an input

    @Test
    void scanRefusesToWriteOverItsInputHoweverItIsNamed() throws IOException {
        Path symbolic = Files.createSymbolicLink(dir.resolve("symbolic.jar"), sample);
        Path hard = Files.createLink(dir.resolve("hard.jar"), sample);
        Path spelled = dir.resolve("sub/../sample.jar");
        for (Path output : List.of(sample, symbolic, hard, spelled)) {
            assertRefused(ExitCode.USAGE.code(), "error: " + output + " is also an input"
                    + (output.equals(sample) ? "" : " (" + sample + ")") + "; patchsite never modifies its inputs:"
                    + " write the output elsewhere and move it if you must", "scan", sample, "-o", output);
        }
        assertTrue(Files.isSymbolicLink(symbolic), "the symbolic link was replaced");
    }

    @Test
    void scanRefusesToWriteOverItsDeclarationFile() throws IOException {
        Path declarations = Files.writeString(dir.resolve("d.decl"), "patchsite-declarations 1\n");
        assertRefused(ExitCode.USAGE.code(), "error: " + declarations + " is also an input; patchsite never modifies its"
                + " inputs: write the output elsewhere and move it if you must",
                "scan", sample, "--declarations", declarations, "-o", declarations);
    }

    @Test
    void diffRefusesToWriteOverOldOrNew() throws IOException {
        for (Path output : List.of(table, sample)) {
            assertRefused(ExitCode.USAGE.code(), "error: " + output + " is also an input; patchsite never modifies its"
                    + " inputs: write the output elsewhere and move it if you must", "diff", table, sample, "-o",
                    output);
        }
    }

    @Test
    void linkRefusesToWriteOverAClassPathEntryOrTheDeclarationFile() throws IOException {
        Path classpath = Files.copy(sample, dir.resolve("cp.jar"));
        Path declarations = Files.writeString(dir.resolve("d.decl"), "patchsite-declarations 1\n");
        assertRefused(ExitCode.LINK.code(), "error: " + classpath + " is also an input; patchsite never modifies its"
                + " inputs: write the output elsewhere and move it if you must",
                "link", sample, "--classpath", classpath, "-o", classpath);
        assertRefused(ExitCode.LINK.code(), "error: " + declarations + " is also an input; patchsite never modifies its"
                + " inputs: write the output elsewhere and move it if you must",
                "link", sample, "--declarations", declarations, "-o", declarations);
    }

    /** Two inputs of one file name would be written to one file of the output directory: refused, naming both. */
    @Test
    void linkRefusesTwoInputsOfOneFileName() throws IOException {
        Path a = Files.copy(sample, Files.createDirectories(dir.resolve("a")).resolve("x.jar"));
        Path b = Files.copy(sample, Files.createDirectories(dir.resolve("b")).resolve("x.jar"));
        Path out = dir.resolve("out");
        assertRefused(ExitCode.LINK.code(), "error: " + a + " and " + b + " would both be written to " + out.resolve("x.jar")
                + "; link jars of one file name in separate runs, each with its own output", "link", a, b, "-o", out);
        assertFalse(Files.exists(out), "the output directory was made");
    }

    @Test
    void severalInputsNeedAnOutputDirectory() throws IOException {
        Path other = Files.copy(sample, Files.createDirectories(dir.resolve("other")).resolve("other.jar"));
        assertRefused(ExitCode.USAGE.code(), "error: with several inputs, -o names a directory, but " + table
                + " is a file", "link", sample, other, "-o", table);
    }

    @Test
    void linkRefusesTheSameInputTwice() throws IOException {
        Path out = dir.resolve("out");
        assertRefused(ExitCode.LINK.code(), "error: " + sample + " is given twice; name each jar to link once",
                "link", sample, sample, "-o", out);
        Path again = dir.resolve("a/../sample.jar");
        assertRefused(ExitCode.LINK.code(), "error: " + again + " is given twice (also as " + sample + "); name each jar"
                + " to link once", "link", sample, again, "-o", out);
        assertFalse(Files.exists(out), "the output directory was made");
    }

    // ---- what -o may name

    @Test
    void aSymbolicLinkIsWrittenThrough() throws IOException {
        Path target = dir.resolve("targets/table.txt");
        Path link = Files.createSymbolicLink(dir.resolve("link.txt"), Path.of("targets/table.txt"));
        Cli.run("scan", sample, "-o", link).assertClean(ExitCode.OK.code());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(Files.readString(table), Files.readString(target), "a dangling link's target is created");

        Files.writeString(target, "old");
        Cli.run("scan", sample, "-o", link).assertClean(ExitCode.OK.code());
        assertTrue(Files.isSymbolicLink(link), "the link was replaced by a file");
        assertEquals(Files.readString(table), Files.readString(target));

        Path jarLink = Files.createSymbolicLink(dir.resolve("linked.jar"), Path.of("targets/real.jar"));
        Cli.run("link", sample, "-o", jarLink).assertExit(ExitCode.OK.code());
        assertTrue(Files.isSymbolicLink(jarLink), "the link was replaced by a file");
        assertTrue(Files.size(dir.resolve("targets/real.jar")) > Files.size(sample), "the linked jar");
        assertEquals(List.of("real.jar", "table.txt"), TestFiles.list(dir.resolve("targets")), "files left");
    }

    @Test
    void symbolicLinksThatLoopAreRefused() throws IOException {
        Path a = dir.resolve("a.txt");
        Files.createSymbolicLink(a, Path.of("b.txt"));
        Files.createSymbolicLink(dir.resolve("b.txt"), Path.of("a.txt"));
        assertRefused(ExitCode.INPUT.code(), "error: " + a + ": cannot write: too many levels of symbolic links",
                "scan", sample, "-o", a);
        assertRefused(ExitCode.INPUT.code(), "error: " + a + ": cannot write: too many levels of symbolic links",
                "link", sample, "-o", a);
    }

    @Test
    void aDirectoryIsRefused() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("out"));
        assertRefused(ExitCode.INPUT.code(), "error: " + directory + ": cannot write: a directory", "scan", sample, "-o",
                directory);
        assertRefused(ExitCode.INPUT.code(), "error: " + directory + ": cannot write: a directory", "diff", table, sample,
                "-o", directory);
        assertRefused(ExitCode.INPUT.code(), "error: " + directory + ": cannot write: a directory", "link", sample, "-o",
                directory);
        assertEquals(List.of(), TestFiles.list(directory));
    }

    /** Run as root, {@code -o /dev/null} once turned {@code /dev/null} into a regular file. */
    @Test
    void aDeviceIsWrittenToByScanAndRefusedByLinkAndNeverReplaced() throws IOException {
        Path devNull = Path.of("/dev/null");
        assumeTrue(Files.exists(devNull) && !Files.isRegularFile(devNull) && Files.isWritable(devNull));
        assertEquals("", Cli.run("scan", sample, "-o", devNull).assertClean(ExitCode.OK.code()).out());
        Cli.run("diff", table, sample, "-o", devNull).assertClean(ExitCode.OK.code());
        assertRefused(ExitCode.INPUT.code(), "error: /dev/null: cannot write: a character device, not a regular file: a"
                + " jar is written to a file and moved into place, never into a device or FIFO",
                "link", sample, "-o", devNull);
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS), "/dev/null was replaced");

        // Through a symbolic link, as /dev/stdout is one: written to by scan, refused by link, the link kept.
        Path link = Files.createSymbolicLink(dir.resolve("null"), devNull);
        Cli.run("scan", sample, "-o", link).assertClean(ExitCode.OK.code());
        assertRefused(ExitCode.INPUT.code(), "error: " + link + ": cannot write: a character device, not a regular file: a"
                + " jar is written to a file and moved into place, never into a device or FIFO",
                "link", sample, "-o", link);
        assertTrue(Files.isSymbolicLink(link), "the link was replaced");
        assertFalse(Files.isRegularFile(devNull, LinkOption.NOFOLLOW_LINKS), "/dev/null was replaced");
    }

    @Test
    @Timeout(60)
    void aFifoIsWrittenToByScanAndRefusedByLink() throws Exception {
        Path fifo = dir.resolve("fifo");
        assumeTrue(mkfifo(fifo), "no mkfifo here");
        CompletableFuture<byte[]> read = CompletableFuture.supplyAsync(() -> {
            try (InputStream in = Files.newInputStream(fifo)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        Cli.run("scan", sample, "-o", fifo).assertClean(ExitCode.OK.code());
        assertArrayEquals(Files.readAllBytes(table), read.get(30, TimeUnit.SECONDS), "what the FIFO carried");
        assertRefused(ExitCode.INPUT.code(), "error: " + fifo + ": cannot write: a FIFO, not a regular file: a jar is"
                + " written to a file and moved into place, never into a device or FIFO", "link", sample, "-o", fifo);
        assertFalse(Files.isRegularFile(fifo, LinkOption.NOFOLLOW_LINKS), "the FIFO was replaced");
        assertEquals(List.of("fifo", "sample.jar", "sample.table"), TestFiles.list(dir), "files left");
    }

    @Test
    void dashIsStandardOutputForTextAndRefusedForLink() throws IOException {
        Path dash = Path.of("-");
        boolean existed = Files.exists(dash);
        assertEquals(Files.readString(table), Cli.run("scan", sample, "-o", "-").assertClean(ExitCode.OK.code()).out());
        assertEquals(Cli.run("diff", table, sample).assertClean(ExitCode.OK.code()).out(),
                Cli.run("diff", table, sample, "--output=-").assertClean(ExitCode.OK.code()).out());
        assertRefused(ExitCode.USAGE.code(), "error: -o -: link writes jars, to files; standard output is for the text of"
                + " scan and diff", "link", sample, "-o", "-");
        assertEquals(existed, Files.exists(dash), "a file named - was written");
    }

    // ---- messages

    @Test
    void aDirectoryGivenToVerifyOrExplainIsCalledADirectory() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("classes"));
        assertRefused(ExitCode.INPUT.code(), "error: " + directory + ": a directory, not a jar", "verify", directory);
        assertRefused(ExitCode.INPUT.code(), "error: " + directory + ": a directory, not a jar", "explain", directory);
    }

    /** A local header that the central directory's sizes do not reach: found while copying, and the input's fault. */
    @Test
    void anInputsCorruptionIsNotReportedAgainstTheOutput() throws IOException {
        Path corrupt = HostileJars.badLocalHeaderOfAResource(sample, dir.resolve("corrupt.jar"));
        Path out = dir.resolve("out/linked.jar");
        Cli.Result result = assertRefused(ExitCode.INPUT.code(), null, "link", corrupt, "-o", out);
        assertTrue(result.err().startsWith("error: " + corrupt + ": corrupt jar: "), result.err());
        assertFalse(result.err().contains(out.toString()), result.err());
        assertEquals(List.of(), TestFiles.list(out.getParent()), "files left beside the output");
    }

    /**
     * Runs a command that must be refused, and checks the exit code, the one line on standard error (if given), no
     * stack trace, nothing on standard output, and every file under the test's directory unchanged.
     */
    private Cli.Result assertRefused(int exitCode, String line, Object... args) throws IOException {
        Map<String, String> before = TestFiles.snapshot(dir);
        Cli.Result result = Cli.run(args).assertExit(exitCode).assertNoStackTrace();
        if (line != null) {
            assertEquals(List.of(line), result.errLines());
        }
        assertEquals(1, result.errLines().size(), result.err());
        assertEquals("", result.out(), "stdout");
        assertEquals(before, TestFiles.snapshot(dir), "files changed by a refused command");
        try (Stream<Path> files = Files.walk(dir)) {
            assertEquals(List.of(), files.filter(f -> AtomicOutput.isTemporary(f.getFileName().toString())).toList(),
                    "temporary files left");
        }
        return result;
    }

    private static boolean mkfifo(Path fifo) throws InterruptedException {
        try {
            return new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start().waitFor() == 0;
        } catch (IOException e) {
            return false;
        }
    }
}
