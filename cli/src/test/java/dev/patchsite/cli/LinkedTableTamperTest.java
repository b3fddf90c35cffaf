package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link} reads a linked input's embedded table whole before copying it unchanged (issue 9, finding 8): a
 * truncated table, one with a duplicate, or one without its {@code linked} line is exit 3 naming the table's line,
 * never "already linked; copied unchanged" or "already linked (unknown)". The input is unchanged and no output is
 * written.
 */
class LinkedTableTamperTest {

    private static final String TABLE = JarEdits.TABLE;

    @TempDir
    Path dir;
    private Path linked;

    @BeforeEach
    void link() {
        linked = JarEdits.linkedSample(dir);
    }

    @Test
    void aTableCutShortInALine() throws IOException {
        Path tampered = JarEdits.withEntry(linked, dir.resolve("cut.jar"), TABLE,
                JarEdits.text(table -> table.substring(0, table.lastIndexOf(" bind=") + 3)));

        assertEquals(List.of("error: " + tampered + "!/" + TABLE + ":28: unknown field \"bi\"; expected site FUNCTION"
                + " CALLER #ORDINAL KIND [release=N] [super] [via=CLASS] [in=PATH] [source=FILE] [line=N offset=N]"
                + " [bind=B]"),
                linkFails(tampered));
    }

    @Test
    void aTableWithADuplicateSite() throws IOException {
        Path tampered = JarEdits.withEntry(linked, dir.resolve("twice.jar"), TABLE,
                JarEdits.text(table -> table + table.substring(table.lastIndexOf("\nsite ") + 1)));

        List<String> err = linkFails(tampered);
        assertEquals(1, err.size(), String.join("\n", err));
        assertEquals(true, err.get(0).startsWith("error: " + tampered + "!/" + TABLE + ":29: site "), err.get(0));
        assertEquals(true, err.get(0).endsWith(" is listed twice"), err.get(0));
    }

    @Test
    void aTableWithoutItsLinkedLine() throws IOException {
        Path tampered = JarEdits.withEntry(linked, dir.resolve("unlinked.jar"), TABLE,
                JarEdits.text(table -> table.replace("linked boot\n", "")));

        assertEquals(List.of("error: " + tampered + "!/" + TABLE + ": the table has no \"linked\" line; it was not"
                + " written by link"), linkFails(tampered));
    }

    @Test
    void aTableCutToItsFirstLine() throws IOException {
        Path tampered = JarEdits.withEntry(linked, dir.resolve("first.jar"), TABLE,
                JarEdits.text(table -> table.substring(0, table.indexOf('\n') + 1)));

        assertEquals(List.of("error: " + tampered + "!/" + TABLE + ": the table has no \"linked\" line; it was not"
                + " written by link"), linkFails(tampered));
    }

    /** Links a tampered jar: exit 3, no stack trace, the input unchanged, no output; returns standard error's lines. */
    private List<String> linkFails(Path tampered) throws IOException {
        byte[] before = Files.readAllBytes(tampered);
        Path out = dir.resolve("out.jar");
        Cli.Result result = Cli.run("link", tampered, "-o", out).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertArrayEquals(before, Files.readAllBytes(tampered), "the input was modified");
        assertFalse(Files.exists(out), "an output was written");
        return result.errLines();
    }
}
