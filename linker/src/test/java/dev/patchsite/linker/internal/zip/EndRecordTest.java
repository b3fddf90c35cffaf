package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipArchiveTest.bytes;
import static dev.patchsite.linker.internal.zip.ZipFixtures.put16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.put32;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.internal.zip.EndRecord;
import dev.patchsite.linker.internal.zip.NotAZipFileException;
import dev.patchsite.linker.internal.zip.ZipArchive;
import dev.patchsite.linker.internal.zip.ZipFixtures;
import dev.patchsite.linker.internal.zip.ZipFixtures.RawEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link EndRecord} takes the end record the JVM takes ({@code ZipFile$Source.findEND}) when the bytes hold several,
 * or bytes follow the last: each case is read by the JDK's {@code ZipFile} too, and both must list the same entries
 * (or both refuse).
 */
class EndRecordTest {

    @TempDir
    Path dir;

    /** A one-entry archive, then a three-entry one: two end records in one file. */
    private static byte[] twoArchives(boolean breakSecondsFirstLocalHeader, byte[] trailer) {
        byte[] first = ZipFixtures.assemble(RawEntry.deflated("streamed.txt", bytes("hello, hello, hello")));
        byte[] second = ZipFixtures.assemble(RawEntry.stored("a.txt", bytes("alpha")),
                RawEntry.deflated("b.txt", ZipFixtures.text(10, 2000)), RawEntry.stored("c.txt", bytes("gamma")));
        if (breakSecondsFirstLocalHeader) {
            second[3] = (byte) 0xa1;
        }
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(first);
        all.writeBytes(second);
        all.writeBytes(trailer);
        return all.toByteArray();
    }

    private List<String> jdkNames(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            return zip.stream().map(e -> e.getName()).toList();
        }
    }

    private List<String> ourNames(Path file) throws IOException {
        try (ZipArchive archive = ZipArchive.open(file)) {
            return ZipFixtures.names(archive);
        }
    }

    // Finding 10 of the fuzzing runs: bytes after the last end record, whose first local header is not one. The JDK
    // then skips that record for the one before it, which ends an archive of its own; this reader took the last.
    @Test
    void skipsAnEndRecordFollowedByBytesWhoseFirstEntryIsNoLocalHeader() throws IOException {
        Path file = ZipFixtures.write(dir, "two.zip", twoArchives(true, bytes("garbage")));
        assertEquals(List.of("streamed.txt"), jdkNames(file));
        assertEquals(List.of("streamed.txt"), ourNames(file));
    }

    @Test
    void takesAnEndRecordFollowedByBytesWhenItsDirectoryAndFirstEntryAreThere() throws IOException {
        Path file = ZipFixtures.write(dir, "two.zip", twoArchives(false, bytes("garbage")));
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), jdkNames(file));
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), ourNames(file));
    }

    @Test
    void takesTheLastEndRecordWhenItEndsTheFileWhateverFollowsIt() throws IOException {
        Path file = ZipFixtures.write(dir, "two.zip", twoArchives(true, new byte[0]));
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), jdkNames(file));
        assertEquals(List.of("a.txt", "b.txt", "c.txt"), ourNames(file));
    }

    @Test
    void refusesAnEndRecordWhoseCommentRunsPastTheEndOfTheFile() throws IOException {
        byte[] zip = ZipFixtures.assemble(RawEntry.stored("a.txt", bytes("alpha")));
        put16(zip, ZipFixtures.endRecord(zip) + 20, 10);
        Path file = ZipFixtures.write(dir, "cut.zip", zip);
        assertThrows(IOException.class, () -> jdkNames(file));
        ZipException e = assertThrows(ZipException.class, () -> ourNames(file));
        assertEquals("the end record's comment runs past the end of the file (truncated, or corrupt)",
                e.getMessage());
    }

    @Test
    void looksNoFurtherBackThanTheJdk() throws IOException {
        // The JDK scans 128-byte blocks, 106 bytes apart, back from the end while a block starts no lower than 106
        // bytes before 64 KiB + 22 from the end: for a file this long, the lowest end record it finds starts 65,636
        // bytes before the end (128 + 618 * 106).
        byte[] zip = ZipFixtures.assemble(RawEntry.stored("a.txt", bytes("alpha")));
        for (int fromEnd : new int[] {65_636, 65_637}) {
            Path file = ZipFixtures.write(dir, "padded.zip", Arrays.copyOf(zip, zip.length - 22 + fromEnd));
            if (fromEnd == 65_636) {
                assertEquals(List.of("a.txt"), jdkNames(file));
                assertEquals(List.of("a.txt"), ourNames(file));
            } else {
                assertThrows(ZipException.class, () -> jdkNames(file));
                assertThrows(NotAZipFileException.class, () -> ourNames(file));
            }
        }
    }

    @Test
    void readsAnEmptyArchiveOfNothingButAnEndRecordAsTheJdkDoes() throws IOException {
        byte[] end = new byte[22];
        put32(end, 0, 0x06054b50L);
        put32(end, 12, 46);
        Path file = ZipFixtures.write(dir, "empty.zip", end);
        assertEquals(List.of(), jdkNames(file));
        assertEquals(List.of(), ourNames(file));
    }
}
