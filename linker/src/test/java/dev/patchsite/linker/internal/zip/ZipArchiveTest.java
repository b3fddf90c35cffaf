package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFixtures.DOS_TIME;
import static dev.patchsite.linker.internal.zip.ZipFixtures.LAUNCHER;
import static dev.patchsite.linker.internal.zip.ZipFixtures.UNICODE_NAME;
import static dev.patchsite.linker.internal.zip.ZipFixtures.crc;
import static dev.patchsite.linker.internal.zip.ZipFixtures.items;
import static dev.patchsite.linker.internal.zip.ZipFixtures.names;
import static dev.patchsite.linker.internal.zip.ZipFixtures.readWithArchive;
import static dev.patchsite.linker.internal.zip.ZipFixtures.streamWithArchive;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.internal.zip.ZipFixtures.RawEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZipArchive} reads what the JDK and Commons Compress write (deflated entries with and without data
 * descriptors, stored entries, zip64 records on every entry, more than 65,535 entries, a central directory large
 * enough to be mapped), jars with a launcher prepended or a comment appended, and hand-assembled archives whose
 * directory is out of data order: every name, size, CRC, method, time and content is the one written, entries are
 * numbered in data order, and names are found by their UTF-8 bytes.
 */
class ZipArchiveTest {

    @TempDir
    Path dir;

    @Test
    void fixtureDosTimeIsWorkedOutRight() {
        assertEquals(0x50B16DAB, ZipFixtures.dosTime(ZipFixtures.TIME));
        assertEquals(DOS_TIME, ZipFixtures.dosTime(ZipFixtures.TIME));
    }

    @Test
    void namesAreMatchedOnTheirBytes() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (String name : List.of("lib/a.jar", "lib/B.JAR", "jar", "x.jarx", UNICODE_NAME)) {
            entries.put(name, new byte[0]);
        }
        Path zip = ZipFixtures.jdkZip(dir.resolve("names.jar"), entries, true);
        byte[] jar = ".jar".getBytes(StandardCharsets.US_ASCII);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            List<String> exact = new ArrayList<>();
            List<String> anyCase = new ArrayList<>();
            for (int i = 0; i < archive.size(); i++) {
                assertEquals(archive.name(i).getBytes(StandardCharsets.UTF_8).length, archive.nameLength(i));
                if (archive.nameEndsWith(i, jar, false)) {
                    exact.add(archive.name(i));
                }
                if (archive.nameEndsWith(i, jar, true)) {
                    anyCase.add(archive.name(i));
                }
            }
            assertEquals(List.of("lib/a.jar"), exact);
            assertEquals(List.of("lib/a.jar", "lib/B.JAR"), anyCase);
            int unicode = archive.find(UNICODE_NAME);
            byte[] tail = UNICODE_NAME.substring(UNICODE_NAME.length() - 6).getBytes(StandardCharsets.UTF_8);
            assertTrue(archive.nameEndsWith(unicode, tail, false), "a name's last bytes, as UTF-8");
        }
    }

    @Test
    void readsJdkDeflatedEntriesWithDataDescriptors() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.jdkZip(dir.resolve("jdk.jar"), entries, false);
        try (ZipArchive archive = ZipArchive.open(zip); ZipFile oracle = new ZipFile(zip.toFile())) {
            assertEquals(zip, archive.path());
            assertEquals(7, archive.size());
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            int i = 0;
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                assertEquals(8, archive.method(i), name);
                // The JDK sets the UTF-8 flag on every entry it names in UTF-8, and the descriptor flag.
                assertEquals(0x0808, archive.flags(i), name);
                assertEquals(DOS_TIME, archive.dosTime(i), name);
                assertEquals(e.getValue().length, archive.size(i), name);
                assertEquals(crc(e.getValue()), archive.crc(i), name);
                assertEquals(oracle.getEntry(name).getCompressedSize(), archive.compressedSize(i), name);
                assertEquals(name.endsWith("/"), archive.isDirectory(i), name);
                assertFalse(archive.hasZip64Extra(i), name);
                assertArrayEquals(e.getValue(), archive.read(i), name);
                try (InputStream in = archive.open(i)) {
                    assertArrayEquals(e.getValue(), in.readAllBytes(), name);
                }
                i++;
            }
            assertEquals(items(entries), streamWithArchive(archive));
            // The empty file and the directories still have a two-byte deflate stream.
            assertEquals(2, archive.compressedSize(archive.find("empty.txt")));
            assertTrue(archive.compressedSize(archive.find("dev/patchsite/notes.txt")) < 40_000 / 2);
        }
    }

    @Test
    void readsJdkStoredEntries() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.jdkZip(dir.resolve("stored.jar"), entries, true);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            int i = 0;
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                assertEquals(0, archive.method(i), e.getKey());
                assertEquals(0x0800, archive.flags(i), e.getKey());
                assertEquals(e.getValue().length, archive.size(i), e.getKey());
                assertEquals(e.getValue().length, archive.compressedSize(i), e.getKey());
                assertEquals(crc(e.getValue()), archive.crc(i), e.getKey());
                assertEquals(DOS_TIME, archive.dosTime(i), e.getKey());
                i++;
            }
            assertEquals(items(entries), readWithArchive(archive));
            assertEquals(items(entries), streamWithArchive(archive));
        }
    }

    @Test
    void readsCommonsZip64AlwaysWrittenToAFile() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.commonsZip(dir.resolve("zip64.jar"), entries, Zip64Mode.Always, true);
        byte[] bytes = Files.readAllBytes(zip);
        int[] records = ZipFixtures.centralRecords(bytes);
        assertTrue(ZipFixtures.zip64EndRecord(bytes) > 0, "Commons wrote no zip64 end record");
        // JDK 25 refuses these zip64 fields, JDK 17 reads them: this reader reads them as JDK 17 and Commons do.
        List<ZipFixtures.Item> jdk = ZipFixtures.readWithZipFileUnlessZip64Refused(zip);
        assertTrue(jdk == null || jdk.equals(items(entries)), "the JDK reads it, and otherwise");
        try (ZipArchive archive = ZipArchive.open(zip);
                org.apache.commons.compress.archivers.zip.ZipFile oracle =
                        org.apache.commons.compress.archivers.zip.ZipFile.builder().setPath(zip).get()) {
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            int i = 0;
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                String name = e.getKey();
                ZipEntry expected = oracle.getEntry(name);
                // Every size and offset of the record is in its zip64 extra field.
                assertTrue(archive.hasZip64Extra(i), name);
                assertEquals(0xFFFFFFFFL, u32(bytes, records[i] + 20), name);
                assertEquals(0xFFFFFFFFL, u32(bytes, records[i] + 24), name);
                assertEquals(0xFFFFFFFFL, u32(bytes, records[i] + 42), name);
                assertEquals(expected.getMethod(), archive.method(i), name);
                assertEquals(e.getValue().length, archive.size(i), name);
                assertEquals(expected.getCompressedSize(), archive.compressedSize(i), name);
                assertEquals(crc(e.getValue()), archive.crc(i), name);
                assertEquals(DOS_TIME, archive.dosTime(i), name);
                assertEquals(ZipFixtures.u32(bytes, (int) archive.localHeaderOffset(i)), 0x04034b50L, name);
                i++;
            }
            assertEquals(items(entries), readWithArchive(archive));
            assertEquals(items(entries), streamWithArchive(archive));
        }
    }

    @Test
    void readsCommonsZip64AlwaysStreamedWithDataDescriptors() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.commonsZip(dir.resolve("streamed.jar"), entries, Zip64Mode.Always, false);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            for (int i = 0; i < archive.size(); i++) {
                assertTrue(archive.hasZip64Extra(i), archive.name(i));
                assertEquals(8, archive.flags(i) & 8, archive.name(i));
            }
            assertEquals(items(entries), readWithArchive(archive));
        }
    }

    @Test
    void readsCommonsZipWithoutZip64() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.commonsZip(dir.resolve("plain.jar"), entries, Zip64Mode.Never, true);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            for (int i = 0; i < archive.size(); i++) {
                assertFalse(archive.hasZip64Extra(i), archive.name(i));
                assertEquals(DOS_TIME, archive.dosTime(i), archive.name(i));
            }
            assertEquals(items(entries), readWithArchive(archive));
        }
    }

    @Test
    void findsEntriesByTheirUtf8Names() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.jdkZip(dir.resolve("find.jar"), entries, false);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            List<String> names = List.copyOf(entries.keySet());
            for (int i = 0; i < names.size(); i++) {
                assertEquals(i, archive.find(names.get(i)), names.get(i));
            }
            assertEquals(6, archive.find(UNICODE_NAME));
            assertEquals(UNICODE_NAME, archive.name(6));
            assertArrayEquals(entries.get(UNICODE_NAME), archive.read(archive.find(UNICODE_NAME)));
            assertEquals(-1, archive.find("missing.txt"));
            assertEquals(-1, archive.find(""));
            assertEquals(-1, archive.find("dev"));
            assertEquals(-1, archive.find("dev/patchsite"));
            assertEquals(-1, archive.find("DEV/"));
            assertEquals(-1, archive.find("META-INF/MANIFEST.MF "));
            assertEquals(-1, archive.find("données/名前-.txt"));
            assertEquals(-1, archive.find("donnees/名前-\uD83D\uDE00.txt"));
            assertNull(archive.duplicateName());
        }
    }

    @Test
    void findsEveryOneOfManySimilarNames() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 3000; i++) {
            entries.put("p/" + Integer.toString(i, 36) + ".class", new byte[] {(byte) i});
        }
        Path zip = ZipFixtures.jdkZip(dir.resolve("similar.jar"), entries, true);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            int i = 0;
            for (String name : entries.keySet()) {
                assertEquals(i++, archive.find(name), name);
            }
            assertEquals(-1, archive.find("p/" + Integer.toString(3000, 36) + ".class"));
            assertNull(archive.duplicateName());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void findsAndMissesNamesWhateverTheNumberOfEntries() throws IOException {
        // Counts around each power of two, where the name table is fullest.
        for (int count = 0; count <= 66; count++) {
            RawEntry[] entries = new RawEntry[count];
            for (int i = 0; i < count; i++) {
                entries[i] = RawEntry.stored("n" + i, new byte[0]);
            }
            try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "n.zip", ZipFixtures.assemble(entries)))) {
                assertEquals(count, archive.size());
                for (int i = 0; i < count; i++) {
                    assertEquals(i, archive.find("n" + i), count + " entries");
                }
                assertEquals(-1, archive.find("n" + count), count + " entries");
                assertEquals(-1, archive.find("missing"), count + " entries");
                assertNull(archive.duplicateName());
            }
        }
    }

    @Test
    void reportsTheFirstDuplicatedName() throws IOException {
        byte[] zip = ZipFixtures.assemble(
                RawEntry.stored("a.txt", bytes("first a")),
                RawEntry.deflated("x/dup.txt", bytes("first dup")),
                RawEntry.stored("b.txt", bytes("b")),
                RawEntry.stored("x/dup.txt", bytes("second dup")),
                RawEntry.stored("a.txt", bytes("second a")));
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "dup.zip", zip))) {
            assertEquals(List.of("a.txt", "x/dup.txt", "b.txt", "x/dup.txt", "a.txt"), names(archive));
            // x/dup.txt is the first entry (index 3) whose name an earlier entry has.
            assertEquals("x/dup.txt", archive.duplicateName());
            assertEquals(1, archive.find("x/dup.txt"));
            assertEquals(0, archive.find("a.txt"));
            assertEquals("first dup", new String(archive.read(1), StandardCharsets.UTF_8));
            assertEquals("second dup", new String(archive.read(3), StandardCharsets.UTF_8));
        }
    }

    @Test
    void reportsADuplicateThatCommonsWrote() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("one", bytes("1"));
        entries.put("two", bytes("2"));
        Path first = ZipFixtures.commonsZip(dir.resolve("c.zip"), entries, Zip64Mode.Never, true);
        Path zip = commonsDuplicate(dir.resolve("c2.zip"), 1000);
        try (ZipArchive unique = ZipArchive.open(first); ZipArchive archive = ZipArchive.open(zip)) {
            assertNull(unique.duplicateName());
            assertEquals("two", archive.duplicateName());
            assertEquals(1, archive.find("two"));
        }
    }

    @Test
    void refusesTheDuplicateThatCommonsWritesOverTheFirstOnesData() throws IOException {
        // Commons keeps offsets by entry, and two entries of one name and time are equal: both records of "two"
        // point at the first one's data. Entries that share their data, refused as such.
        Path zip = commonsDuplicate(dir.resolve("c3.zip"), 0);
        ZipException thrown = assertThrows(ZipException.class, () -> ZipArchive.open(zip).close());
        assertEquals("two: its data overlaps that of two (a corrupt or hostile archive: entries that share their"
                + " data)", thrown.getMessage());
    }

    /** "one", "two", "two", the last one's time {@code later} ms after the others'. Commons does not refuse it. */
    private static Path commonsDuplicate(Path zip, long later) throws IOException {
        try (var out = new org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream(zip)) {
            long time = 1_600_000_000_000L;
            for (String name : List.of("one", "two", "two")) {
                var entry = new org.apache.commons.compress.archivers.zip.ZipArchiveEntry(name);
                entry.setTime(time);
                time += name.equals("two") ? later : 0;
                out.putArchiveEntry(entry);
                out.write(bytes(name + "!"));
                out.closeArchiveEntry();
            }
        }
        return zip;
    }

    @Test
    void numbersEntriesInDataOrderWhateverTheDirectorySays() throws IOException {
        List<RawEntry> entries = List.of(
                RawEntry.stored("a.txt", bytes("alpha")),
                RawEntry.deflated("b.txt", ZipFixtures.text(5, 5000)),
                RawEntry.stored("c.txt", bytes("gamma")),
                RawEntry.deflated("d/", new byte[0]));
        byte[] zip = ZipFixtures.assemble(new byte[0], entries, new int[] {2, 0, 3, 1}, new byte[0]);
        Path file = ZipFixtures.write(dir, "unsorted.zip", zip);
        try (ZipArchive archive = ZipArchive.open(file); ZipFile oracle = new ZipFile(file.toFile())) {
            assertEquals("c.txt", oracle.entries().nextElement().getName());
            assertEquals(List.of("a.txt", "b.txt", "c.txt", "d/"), names(archive));
            for (int i = 1; i < archive.size(); i++) {
                assertTrue(archive.localHeaderOffset(i) > archive.localHeaderOffset(i - 1));
            }
            assertEquals(0, archive.localHeaderOffset(0));
            assertEquals(0, archive.find("a.txt"));
            assertEquals(1, archive.find("b.txt"));
            assertEquals(2, archive.find("c.txt"));
            assertEquals(3, archive.find("d/"));
            assertTrue(archive.isDirectory(3));
            assertEquals(8, archive.method(1));
            assertEquals(5000, archive.size(1));
            assertEquals(crc(ZipFixtures.text(5, 5000)), archive.crc(1));
            assertEquals("alpha", new String(archive.read(0), StandardCharsets.UTF_8));
            assertArrayEquals(ZipFixtures.text(5, 5000), archive.read(1));
            assertEquals("gamma", new String(archive.read(2), StandardCharsets.UTF_8));
            assertArrayEquals(new byte[0], archive.read(3));
            // Each entry's raw bytes end where the next one's begin; the last one's where the directory begins.
            assertEquals(archive.localHeaderOffset(1), archive.rawEnd(0));
            assertEquals(archive.localHeaderOffset(2), archive.rawEnd(1));
            assertEquals(archive.localHeaderOffset(3), archive.rawEnd(2));
            assertEquals(ZipFixtures.centralStart(zip), archive.rawEnd(3));
        }
    }

    @Test
    void readsAJarWithALauncherPrepended() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        byte[] jar = Files.readAllBytes(ZipFixtures.jdkZip(dir.resolve("app.jar"), entries, false));
        byte[] launched = concat(LAUNCHER, jar);
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "app", launched))) {
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            assertEquals(LAUNCHER.length, archive.localHeaderOffset(0));
            assertEquals(LAUNCHER.length + ZipFixtures.localHeader(jar, 3), archive.localHeaderOffset(3));
            assertEquals(LAUNCHER.length + ZipFixtures.centralStart(jar), archive.rawEnd(6));
            assertEquals(items(entries), readWithArchive(archive));
        }
    }

    // The JDK looks for the zip64 end record only where the locator says, which does not count the launcher, then
    // takes the end record's own values, which put the directory 76 bytes off: `java -jar app` fails. So does this.
    @Test
    void refusesAZip64JarWithALauncherPrependedAsTheJdkDoes() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        byte[] jar = Files.readAllBytes(
                ZipFixtures.commonsZip(dir.resolve("app64.jar"), entries, Zip64Mode.Always, true));
        Path launched = ZipFixtures.write(dir, "app64", concat(LAUNCHER, jar));
        assertThrows(ZipException.class, () -> new ZipFile(launched.toFile()).close());
        ZipException e = assertThrows(ZipException.class, () -> ZipArchive.open(launched).close());
        assertEquals("zip64 end of central directory record not where its locator says"
                + " (bytes prepended to a zip64 archive?)", e.getMessage());
    }

    @Test
    void readsALauncherJarWhoseOffsetsCountTheLauncher() throws IOException {
        // What zip -A does to a self-extracting archive: every offset moved past the prefix.
        List<RawEntry> entries = List.of(RawEntry.stored("a", bytes("A")), RawEntry.deflated("b", bytes("BB")));
        byte[] zip = ZipFixtures.assemble(LAUNCHER, entries, null, new byte[0]);
        byte[] plain = ZipFixtures.assemble(new byte[0], entries, null, new byte[0]);
        int shift = LAUNCHER.length;
        for (int record : ZipFixtures.centralRecords(plain)) {
            ZipFixtures.put32(zip, shift + record + 42, u32(plain, record + 42) + shift);
        }
        int end = shift + ZipFixtures.endRecord(plain);
        ZipFixtures.put32(zip, end + 16, u32(zip, end + 16) + shift);
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "adjusted", zip));
                ZipFile oracle = new ZipFile(dir.resolve("adjusted").toFile())) {
            assertEquals(2, oracle.size());
            assertEquals(List.of("a", "b"), names(archive));
            assertEquals(shift, archive.localHeaderOffset(0));
            assertEquals("A", new String(archive.read(0), StandardCharsets.UTF_8));
            assertEquals("BB", new String(archive.read(1), StandardCharsets.UTF_8));
        }
    }

    // Regression: EndRecord once looked for the zip64 end record only 56 bytes before its locator.
    @Test
    void readsAZip64EndRecordWithAnExtensibleDataSector() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        byte[] zip = Files.readAllBytes(ZipFixtures.commonsZip(dir.resolve("z.jar"), entries, Zip64Mode.Always, true));
        int zip64End = ZipFixtures.zip64EndRecord(zip);
        assertEquals(44, ZipFixtures.u64(zip, zip64End + 4));
        byte[] sector = {0x34, 0x12, 4, 0, 'd', 'a', 't', 'a'};
        byte[] extended = new byte[zip.length + sector.length];
        System.arraycopy(zip, 0, extended, 0, zip64End + 56);
        System.arraycopy(sector, 0, extended, zip64End + 56, sector.length);
        System.arraycopy(zip, zip64End + 56, extended, zip64End + 56 + sector.length, zip.length - zip64End - 56);
        ZipFixtures.put64(extended, zip64End + 4, 44 + sector.length);
        Path file = ZipFixtures.write(dir, "extensible.jar", extended);
        List<ZipFixtures.Item> jdk = ZipFixtures.readWithZipFileUnlessZip64Refused(file);
        assertTrue(jdk == null || jdk.equals(items(entries)), "the JDK reads it, and otherwise");
        try (ZipArchive archive = ZipArchive.open(file)) {
            assertEquals(items(entries), readWithArchive(archive));
        }
    }

    @Test
    void readsAJarWithAnArchiveComment() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = dir.resolve("commented.jar");
        // A comment that holds an end record's signature must not be taken for the end record.
        String comment = "built by ZipFixtures; PK\u0005\u0006 is not the end record of this archive";
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.setComment(comment);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                out.putNextEntry(new ZipEntry(e.getKey()));
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(List.copyOf(entries.keySet()), names(archive));
            assertEquals(items(entries), readWithArchive(archive));
        }
        byte[] launched = concat(LAUNCHER, Files.readAllBytes(zip));
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "commented", launched))) {
            assertEquals(items(entries), readWithArchive(archive));
        }
    }

    @Test
    void readsAHandAssembledArchiveWithPrefixAndLongestComment() throws IOException {
        byte[] comment = new byte[0xFFFF];
        java.util.Arrays.fill(comment, (byte) 'c');
        byte[] zip = ZipFixtures.assemble(LAUNCHER,
                List.of(RawEntry.stored("a", bytes("A")), RawEntry.deflated("b", bytes("BB"))), null, comment);
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "comment.zip", zip))) {
            assertEquals(List.of("a", "b"), names(archive));
            assertEquals("A", new String(archive.read(0), StandardCharsets.UTF_8));
            assertEquals("BB", new String(archive.read(1), StandardCharsets.UTF_8));
        }
    }

    @Test
    void readsAnEmptyZip() throws IOException {
        Path zip = dir.resolve("empty.zip");
        new ZipOutputStream(Files.newOutputStream(zip)).close();
        assertEquals(22, Files.size(zip));
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(0, archive.size());
            assertEquals(-1, archive.find("a"));
            assertNull(archive.duplicateName());
        }
    }

    @Test
    @Timeout(value = 10, unit = TimeUnit.SECONDS)
    void readsMoreThan65535EntriesThroughZip64EndRecords() throws IOException {
        Path zip = ZipFixtures.manyEntries(dir.resolve("many.zip"), 70_000, "e/");
        byte[] bytes = Files.readAllBytes(zip);
        int end = ZipFixtures.endRecord(bytes);
        assertEquals(0xFFFF, u16(bytes, end + 10), "the classic end record cannot count them");
        assertTrue(ZipFixtures.zip64EndRecord(bytes) > 0);
        long started = System.nanoTime();
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(70_000, archive.size());
            for (int i : new int[] {0, 1, 65_534, 65_535, 65_536, 69_999}) {
                assertEquals("e/" + i, archive.name(i));
                assertEquals(i, archive.find("e/" + i));
                assertEquals(0, archive.size(i));
                assertEquals(0, archive.method(i));
                assertArrayEquals(new byte[0], archive.read(i));
            }
            assertEquals(-1, archive.find("e/70000"));
            assertNull(archive.duplicateName());
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2000, "opening 70,000 entries took " + millis + " ms");
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void readsACentralDirectoryTooLargeToReadOntoTheHeap() throws IOException {
        // 60,000 records of 46 + 300 bytes: about 20 MiB, over the 16 MiB read limit, so the directory is mapped.
        String prefix = "d/" + "x".repeat(290) + "/";
        Path zip = ZipFixtures.manyEntries(dir.resolve("big.zip"), 60_000, prefix);
        byte[] bytes = Files.readAllBytes(zip);
        long centralSize = u32(bytes, ZipFixtures.endRecord(bytes) + 12);
        assertTrue(centralSize > 16 << 20, "directory only " + centralSize + " bytes");
        try (ZipArchive archive = ZipArchive.open(zip)) {
            assertEquals(60_000, archive.size());
            assertEquals(prefix + 0, archive.name(0));
            assertEquals(prefix + 59_999, archive.name(59_999));
            assertEquals(31_234, archive.find(prefix + 31_234));
            assertEquals(0, archive.size(59_999));
            assertArrayEquals(new byte[0], archive.read(59_999));
            assertEquals(DOS_TIME, archive.dosTime(12_345));
        }
    }

    @Test
    void readsBzip2AndDeflate64EntriesThroughCommonsCompress() throws IOException {
        byte[] contents = ZipFixtures.text(7, 20_000);
        ByteArrayOutputStream bzip2 = new ByteArrayOutputStream();
        try (BZip2CompressorOutputStream out = new BZip2CompressorOutputStream(bzip2)) {
            out.write(contents);
        }
        // A deflate stream of stored blocks only is a deflate64 stream too.
        Deflater stored = new Deflater(Deflater.NO_COMPRESSION, true);
        byte[] deflate64 = Deflated.of(contents, stored).data();
        stored.end();
        byte[] zip = ZipFixtures.assemble(
                RawEntry.of("bzip2.txt", 12, contents, bzip2.toByteArray()),
                RawEntry.of("deflate64.txt", 9, contents, deflate64));
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "methods.zip", zip))) {
            assertEquals(12, archive.method(0));
            assertEquals(9, archive.method(1));
            assertArrayEquals(contents, archive.read(0));
            assertArrayEquals(contents, archive.read(1));
        }
    }

    @Test
    void readsADeflateStreamLackingItsLastZeroByteAsZipFileDoes() throws IOException {
        // Stored blocks end with the contents' last byte, here a zero; some writers leave such a byte off.
        byte[] contents = ZipArchiveTest.concat(ZipFixtures.text(9, 1000), new byte[] {0});
        Deflater stored = new Deflater(Deflater.NO_COMPRESSION, true);
        byte[] data = Deflated.of(contents, stored).data();
        stored.end();
        assertEquals(0, data[data.length - 1]);
        byte[] zip = ZipFixtures.assemble(
                RawEntry.of("short.bin", 8, contents, java.util.Arrays.copyOf(data, data.length - 1)),
                RawEntry.of("empty", 8, new byte[0], new byte[] {3}));
        Path file = ZipFixtures.write(dir, "short.zip", zip);
        List<ZipFixtures.Item> expected = List.of(ZipFixtures.Item.of("short.bin", contents),
                ZipFixtures.Item.of("empty", new byte[0]));
        assertEquals(expected, ZipFixtures.readWithZipFile(file));
        try (ZipArchive archive = ZipArchive.open(file)) {
            assertEquals(data.length - 1, archive.compressedSize(0));
            assertEquals(expected, readWithArchive(archive));
            assertEquals(expected, streamWithArchive(archive));
        }
    }

    @Test
    void readsAnEntryWhoseLocalExtraFieldIsLongerThanItsCentralOne() throws IOException {
        byte[] contents = ZipFixtures.text(8, 3000);
        byte[] extra = new byte[4 + 5000];
        ZipFixtures.put16(extra, 0, 0xCAFE);
        ZipFixtures.put16(extra, 2, 5000);
        java.util.Arrays.fill(extra, 4, extra.length, (byte) 'P');
        byte[] zip = ZipFixtures.assemble(
                RawEntry.deflated("padded.txt", contents).localExtra(extra),
                RawEntry.stored("stored.txt", contents).localExtra(extra),
                RawEntry.stored("next.txt", bytes("next")));
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "extra.zip", zip))) {
            assertArrayEquals(contents, archive.read(0));
            assertArrayEquals(contents, archive.read(1));
            assertEquals("next", new String(archive.read(2), StandardCharsets.UTF_8));
            assertEquals(archive.localHeaderOffset(1), archive.rawEnd(0));
        }
    }

    @Test
    void rawEndTakesTheEntryAndItsDescriptorAndLeavesWhateverFollowsThem() throws IOException {
        byte[] junk = new byte[70_000];
        java.util.Arrays.fill(junk, (byte) 'J');
        byte[] shortJunk = new byte[100];
        byte[] zip = ZipFixtures.assemble(
                RawEntry.stored("plain.txt", bytes("plain")).after(junk),
                RawEntry.deflated("signed.txt", bytes("signed")).withDescriptor().after(shortJunk),
                RawEntry.deflated("unsigned.txt", bytes("unsigned")).withDescriptor(false, false).after(shortJunk),
                RawEntry.deflated("zip64.txt", bytes("zip64")).withDescriptor(true, true).after(shortJunk),
                RawEntry.deflated("zip64u.txt", bytes("zip64u")).withDescriptor(false, true).after(new byte[3]),
                RawEntry.stored("short.txt", bytes("short")).after(shortJunk),
                RawEntry.deflated("tight.txt", bytes("tight")).withDescriptor(),
                RawEntry.stored("last.txt", bytes("last")).after(shortJunk));
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "junk.zip", zip))) {
            // Local header, name, local extra field, data; then the descriptor, 12 to 24 bytes, if there is one.
            assertEquals(30 + 9 + 5, archive.rawEnd(0));
            assertEquals(dataEnd(archive, 1, 0) + 16, archive.rawEnd(1));
            assertEquals(dataEnd(archive, 2, 0) + 12, archive.rawEnd(2));
            assertEquals(dataEnd(archive, 3, 20) + 24, archive.rawEnd(3));
            assertEquals(dataEnd(archive, 4, 20) + 20, archive.rawEnd(4));
            assertEquals(dataEnd(archive, 5, 0), archive.rawEnd(5));
            // Nothing between an entry and the next: the next one's start, without reading the local header.
            assertEquals(archive.localHeaderOffset(7), archive.rawEnd(6));
            assertEquals(dataEnd(archive, 7, 0), archive.rawEnd(7));
            assertEquals(ZipFixtures.centralStart(zip) - 100, archive.rawEnd(7));
            List<String> expected = List.of("plain", "signed", "unsigned", "zip64", "zip64u", "short", "tight",
                    "last");
            for (int i = 0; i < expected.size(); i++) {
                assertEquals(expected.get(i), new String(archive.read(i), StandardCharsets.UTF_8));
            }
        }
    }

    private static long dataEnd(ZipArchive archive, int entry, int localExtraLength) {
        return archive.localHeaderOffset(entry) + 30 + archive.name(entry).length() + localExtraLength
                + archive.compressedSize(entry);
    }

    @Test
    void rawEndOfJdkEntriesIsTheNextEntrysStart() throws IOException {
        byte[] jar = Files.readAllBytes(
                ZipFixtures.jdkZip(dir.resolve("raw.jar"), ZipFixtures.sampleEntries(), false));
        try (ZipArchive archive = ZipArchive.open(dir.resolve("raw.jar"))) {
            for (int i = 0; i + 1 < archive.size(); i++) {
                assertEquals(ZipFixtures.localHeader(jar, i + 1), archive.rawEnd(i), archive.name(i));
                assertEquals(ZipFixtures.localHeader(jar, i), archive.localHeaderOffset(i), archive.name(i));
            }
            assertEquals(ZipFixtures.centralStart(jar), archive.rawEnd(6));
        }
    }

    @Test
    void streamsReadByteByByteAndCanBeLeftHalfRead() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path zip = ZipFixtures.jdkZip(dir.resolve("bytes.jar"), entries, false);
        byte[] notes = entries.get("dev/patchsite/notes.txt");
        try (ZipArchive archive = ZipArchive.open(zip)) {
            int index = archive.find("dev/patchsite/notes.txt");
            try (InputStream in = archive.open(index)) {
                assertEquals(0, in.read(new byte[4], 0, 0));
                for (int i = 0; i < 100; i++) {
                    assertEquals(notes[i] & 0xff, in.read(), "byte " + i);
                }
                // Closed half read: the thread's inflater must be ready for the next entry.
            }
            assertArrayEquals(entries.get("dev/patchsite/Sample.class"), archive.read(3));
            try (InputStream in = archive.open(archive.find("empty.txt"))) {
                assertEquals(-1, in.read());
                assertEquals(-1, in.read(new byte[8], 0, 8));
            }
            assertArrayEquals(notes, archive.read(index));
        }
    }

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void readsFromManyThreadsAtOnce() throws Exception {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            entries.put("f" + i, i % 2 == 0 ? ZipFixtures.text(i, 1000 + i * 37) : ZipFixtures.random(i, 500 + i));
        }
        Path zip = ZipFixtures.jdkZip(dir.resolve("threads.jar"), entries, false);
        List<ZipFixtures.Item> expected = items(entries);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try (ZipArchive archive = ZipArchive.open(zip)) {
            List<Future<List<ZipFixtures.Item>>> results = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                boolean whole = t % 2 == 0;
                results.add(pool.submit(() -> whole ? readWithArchive(archive) : streamWithArchive(archive)));
            }
            for (Future<List<ZipFixtures.Item>> result : results) {
                assertEquals(expected, result.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] all = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }
}
