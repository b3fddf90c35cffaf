package dev.patchsite.linker.internal.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The temporary files of outputs: recognisable by name, deleted by the next run when the process that made them is
 * gone (or its number now belongs to a later process), kept while it lives.
 */
class TemporaryFilesTest {

    @TempDir
    Path dir;

    @Test
    void aTemporaryFileIsNamedForItsOutputAndProcess() throws IOException {
        Path temporary = AtomicOutput.temporaryFor(dir.resolve("app.jar"));
        try {
            String name = temporary.getFileName().toString();
            assertTrue(name.matches("\\.app\\.jar\\.patchsite-" + ProcessHandle.current().pid() + "-[0-9a-f]{16}\\.tmp"),
                    name);
            assertTrue(AtomicOutput.isTemporary(name));
        } finally {
            AtomicOutput.deleteQuietly(temporary);
        }
        for (String output : List.of("app.jar", "app.tmp", ".app.jar.tmp", "patchsite-1-2.tmp", "sample.table")) {
            assertFalse(AtomicOutput.isTemporary(output), output);
        }
    }

    @Test
    void theFilesOfAProcessThatIsGoneAreDeletedByTheNextWrite() throws Exception {
        long gone = goneProcess();
        Path stale = Files.writeString(dir.resolve(".app.jar.patchsite-" + gone + "-00000000000000ab.tmp"), "half");
        Path scratch = Files.writeString(dir.resolve("..app.jar.patchsite-" + gone + "-00000000000000ab.tmp123.central"),
                "central");
        Path other = Files.writeString(dir.resolve(".notes.tmp"), "someone else's");

        AtomicOutput.write(dir.resolve("sample.table"), "table\n".getBytes(StandardCharsets.UTF_8));

        assertFalse(Files.exists(stale), "stale temporary file");
        assertFalse(Files.exists(scratch), "stale scratch file");
        assertTrue(Files.exists(other), "a file that is not patchsite's");
        assertEquals(List.of(".notes.tmp", "sample.table"), list());
    }

    @Test
    void theFilesOfALiveProcessAreKeptUnlessItStartedAfterThem() throws Exception {
        Process live = new ProcessBuilder("sleep", "60").start();
        try {
            Path kept = Files.writeString(dir.resolve(".a.jar.patchsite-" + live.pid() + "-00000000000000cd.tmp"), "");
            Path reused = Files.writeString(dir.resolve(".b.jar.patchsite-" + live.pid() + "-00000000000000ef.tmp"),
                    "");
            // Written long before the live process started: its writer was an earlier process of the same number.
            Files.setLastModifiedTime(reused, FileTime.fromMillis(946_684_800_000L));

            AtomicOutput.write(dir.resolve("sample.table"), "table\n".getBytes(StandardCharsets.UTF_8));

            assertTrue(Files.exists(kept), "the live process's temporary file");
            assertFalse(Files.exists(reused), "the temporary file of an earlier process of the same number");
        } finally {
            live.destroyForcibly().waitFor();
        }
    }

    @Test
    void aFailedWriteLeavesNoTemporaryFile() throws IOException {
        Path directory = Files.createDirectories(dir.resolve("out"));
        try {
            AtomicOutput.write(directory, new byte[1]);
        } catch (InputException e) {
            assertEquals(directory + ": cannot write: a directory", e.getMessage());
        }
        assertEquals(List.of("out"), list());
    }

    /** Returns the number of a process that has ended, and that no process has now. */
    private static long goneProcess() throws Exception {
        while (true) {
            Process process = new ProcessBuilder("true").start();
            process.waitFor();
            if (ProcessHandle.of(process.pid()).isEmpty()) {
                return process.pid();
            }
        }
    }

    private List<String> list() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }
}
