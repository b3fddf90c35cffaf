package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A file the command may not read or write is said to be so: "permission denied", in one line naming it, exit 3
 * (the JDK's exceptions carry only the path, and "cannot read: /x/app.jar" said nothing). The command runs in a JVM
 * of its own without root's right to read and write any file (CI runs as root).
 */
class PermissionDeniedTest {

    @TempDir
    static Path dir;

    private static Path sample;
    private static Path locked;

    @BeforeAll
    static void lockFiles() throws IOException {
        sample = Files.copy(Samples.jar(Samples.SAMPLE), dir.resolve("sample.jar"));
        locked = Files.copy(sample, dir.resolve("locked.jar"));
        Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
    }

    @Test
    @Timeout(60)
    void anUnreadableInputIsSaidToBeSo() throws Exception {
        Path table = Files.writeString(dir.resolve("locked.table"), "patchsite-table 1\n");
        Path declarations = Files.writeString(dir.resolve("locked.decl"), "patchsite-declarations 1\n");
        Files.setPosixFilePermissions(table, PosixFilePermissions.fromString("---------"));
        Files.setPosixFilePermissions(declarations, PosixFilePermissions.fromString("---------"));

        assertFails("error: " + locked + ": cannot read: permission denied", "scan", locked);
        assertFails("error: " + locked + ": cannot read: permission denied", "link", locked, "-o",
                dir.resolve("out/linked.jar"));
        assertFails("error: " + table + ": cannot read: permission denied", "diff", table, sample);
        assertFails("error: " + declarations + ": cannot read: permission denied", "scan", sample, "--declarations",
                declarations);
    }

    @Test
    @Timeout(60)
    void anUnwritableOutputIsSaidToBeSo() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("read-only"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        Path table = readOnly.resolve("sample.table");
        Path jar = readOnly.resolve("linked.jar");

        assertFails("error: " + table + ": cannot write: permission denied", "scan", sample, "-o", table);
        assertFails("error: " + jar + ": cannot write: permission denied", "link", sample, "-o", jar);
        assertEquals(List.of(), TestFiles.list(readOnly));
    }

    @Test
    @Timeout(60)
    void anUnwritableCacheIsOneWarningThatSaysWhy() throws Exception {
        Path readOnly = Files.createDirectories(dir.resolve("read-only-cache"));
        Files.setPosixFilePermissions(readOnly, PosixFilePermissions.fromString("r-x------"));
        Path app = Files.copy(Samples.jar(Samples.SAMPLE_APP), dir.resolve("app.jar"));
        Path lib = Files.copy(Samples.jar(Samples.SAMPLE_LIB), dir.resolve("lib.jar"));
        Path table = dir.resolve("cached.table");

        // Three files to write (each jar's records and the program's table), one warning.
        assertRuns(ExitCode.OK.code(), "warning: scan cache " + readOnly + ": cannot be written (permission denied);"
                + " what this scan found is not kept for the next", "scan", "--cache", readOnly, app, lib, "-o", table);
        assertEquals(Cli.run("scan", "--no-cache", app, lib).assertClean(ExitCode.OK.code()).out(),
                Files.readString(table, StandardCharsets.UTF_8));
        assertEquals(List.of(), TestFiles.list(readOnly));
    }

    private static void assertFails(String line, Object... args) throws Exception {
        assertRuns(ExitCode.INPUT.code(), line, args);
    }

    /** Runs the command as a user; it must exit with {@code exit} and print only {@code line}. */
    private static void assertRuns(int exit, String line, Object... args) throws Exception {
        List<String> command = ForkedPatchsite.commandAsAUser(args);
        assumeFalse(command.isEmpty(), "cannot drop root's rights here (no setpriv)");
        Path log = dir.resolve("run.log");
        Process process = ForkedPatchsite.start(command, log);
        assertTrue(process.waitFor(50, TimeUnit.SECONDS), "did not finish: " + command);
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(exit, process.exitValue(), output);
        assertEquals(List.of(line), output.lines().toList());
    }
}
