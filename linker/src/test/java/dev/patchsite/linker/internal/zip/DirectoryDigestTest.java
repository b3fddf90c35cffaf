package dev.patchsite.linker.internal.zip;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link DirectoryDigest}: the same for the same directory, whatever the entries' data, different when any entry's
 * name, CRC-32 or size is, and for a file of the same directory whose end record moved; refuses what is not a zip
 * file. The directory of a ZIP64 archive with more than 65,535 entries spans several chunks of the digest's reads.
 */
class DirectoryDigestTest {

    @TempDir
    Path dir;

    @Test
    void theSameDirectoryGivesTheSameDigest() throws IOException {
        Path a = ZipFixtures.jdkZip(dir.resolve("a.jar"), ZipFixtures.sampleEntries(), false);
        Path b = Files.copy(a, dir.resolve("b.jar"));
        assertEquals(DirectoryDigest.of(a), DirectoryDigest.of(b));
    }

    @Test
    void dataTheDirectoryDoesNotDescribeLeavesTheDigestAsItIs() throws IOException {
        Path a = ZipFixtures.jdkZip(dir.resolve("a.jar"), ZipFixtures.sampleEntries(), false);
        byte[] bytes = Files.readAllBytes(a);
        // The first entry's data, after its local header and name: the directory holds only its CRC-32 and sizes.
        int data = 30 + (bytes[26] & 0xff | (bytes[27] & 0xff) << 8) + (bytes[28] & 0xff | (bytes[29] & 0xff) << 8);
        bytes[data] ^= 1;
        Path b = Files.write(dir.resolve("b.jar"), bytes);
        assertEquals(DirectoryDigest.of(a), DirectoryDigest.of(b));
    }

    @Test
    void anEntryOfOtherContentsGivesAnotherDigest() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ZipFixtures.sampleEntries());
        Path a = ZipFixtures.jdkZip(dir.resolve("a.jar"), entries, false);
        String first = entries.keySet().iterator().next();
        byte[] changed = entries.get(first).clone();
        changed[0] ^= 1;
        entries.put(first, changed);
        Path b = ZipFixtures.jdkZip(dir.resolve("b.jar"), entries, false);
        assertEquals(Files.size(a), Files.size(b), "the same sizes: only the CRC-32 tells");
        assertNotEquals(DirectoryDigest.of(a), DirectoryDigest.of(b));
    }

    @Test
    void aRenamedEntryGivesAnotherDigest() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(ZipFixtures.sampleEntries());
        Path a = ZipFixtures.jdkZip(dir.resolve("a.jar"), entries, false);
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> renamed.put(renamed.isEmpty() ? name + "x" : name, bytes));
        Path b = ZipFixtures.jdkZip(dir.resolve("b.jar"), renamed, false);
        assertNotEquals(DirectoryDigest.of(a), DirectoryDigest.of(b));
    }

    @Test
    void aPrefixMovesTheDirectoryAndChangesTheDigest() throws IOException {
        Path a = ZipFixtures.jdkZip(dir.resolve("a.jar"), ZipFixtures.sampleEntries(), false);
        byte[] jar = Files.readAllBytes(a);
        byte[] prefixed = new byte[ZipFixtures.LAUNCHER.length + jar.length];
        System.arraycopy(ZipFixtures.LAUNCHER, 0, prefixed, 0, ZipFixtures.LAUNCHER.length);
        System.arraycopy(jar, 0, prefixed, ZipFixtures.LAUNCHER.length, jar.length);
        Path b = Files.write(dir.resolve("b.jar"), prefixed);
        DirectoryDigest digest = DirectoryDigest.of(b);
        assertEquals(DirectoryDigest.of(a).crc32c(), digest.crc32c(), "the same directory bytes");
        assertNotEquals(DirectoryDigest.of(a), digest, "another size and place");
    }

    @Test
    void aDirectoryLargerThanOneReadIsDigestedWhole() throws IOException {
        Path a = ZipFixtures.manyEntries(dir.resolve("a.jar"), 70_000, "a/");
        Path b = ZipFixtures.manyEntries(dir.resolve("b.jar"), 70_000, "b/");
        assertEquals(DirectoryDigest.of(a), DirectoryDigest.of(Files.copy(a, dir.resolve("c.jar"))));
        assertNotEquals(DirectoryDigest.of(a).crc32(), DirectoryDigest.of(b).crc32());
    }

    @Test
    void aFileThatIsNoZipFileIsRefused() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.txt"), "not a zip file\n".repeat(10));
        assertThrows(NotAZipFileException.class, () -> DirectoryDigest.of(text));
    }
}
