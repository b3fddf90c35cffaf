package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipArchiveTest.bytes;
import static dev.patchsite.linker.internal.zip.ZipFixtures.put16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.put32;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u32;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchsite.linker.internal.zip.ZipFixtures.RawEntry;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZipArchive} refuses what is not a zip file, or a zip file it cannot trust, with one exact message each:
 * empty, random and truncated files; a broken end record, central record or zip64 field; entries whose data lies
 * outside the archive or overlaps the next; and, when an entry is read, a missing local header, encryption, an
 * unknown method, inconsistent or excessive sizes and bad compressed data. Each case is a valid archive with a few
 * bytes patched, so that nothing else is wrong.
 */
class ZipArchiveBadInputTest {

    private static final byte[] ALPHA = bytes("alpha");
    private static final byte[] BETA = ZipFixtures.text(10, 2000);
    private static final byte[] GAMMA = bytes("gamma");

    @TempDir
    Path dir;

    /** a.txt stored, b.txt deflated, c.txt stored: local headers at 0, 40 and 75 + b's compressed size. */
    private static byte[] valid() {
        return ZipFixtures.assemble(
                RawEntry.stored("a.txt", ALPHA),
                RawEntry.deflated("b.txt", BETA),
                RawEntry.stored("c.txt", GAMMA));
    }

    private Path file(byte[] zip) throws IOException {
        return ZipFixtures.write(dir, "bad.zip", zip);
    }

    private ZipException openFails(byte[] zip) throws IOException {
        Path file = file(zip);
        return assertThrows(ZipException.class, () -> ZipArchive.open(file).close());
    }

    /** Sets the number of entries the end record counts, on this disk and in all. */
    private static void setCount(byte[] zip, int count) {
        int end = ZipFixtures.endRecord(zip);
        put16(zip, end + 8, count);
        put16(zip, end + 10, count);
    }

    private static <T extends Throwable> T fails(Class<T> type, String message, Executable executable) {
        T thrown = assertThrows(type, executable);
        assertEquals(type, thrown.getClass());
        assertEquals(message, thrown.getMessage());
        return thrown;
    }

    @Test
    void theValidArchiveIsValid() throws IOException {
        byte[] zip = valid();
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertEquals(List.of("a.txt", "b.txt", "c.txt"), ZipFixtures.names(archive));
            assertEquals(0, archive.localHeaderOffset(0));
            assertEquals(40, archive.localHeaderOffset(1));
            assertEquals(75 + archive.compressedSize(1), archive.localHeaderOffset(2));
            assertArrayEquals(ALPHA, archive.read(0));
            assertArrayEquals(BETA, archive.read(1));
            assertArrayEquals(GAMMA, archive.read(2));
        }
    }

    // ---- not a zip file ----

    @Test
    void refusesAnEmptyFile() throws IOException {
        ZipException e = openFails(new byte[0]);
        assertEquals(NotAZipFileException.class, e.getClass());
        assertEquals("not a zip file (too short)", e.getMessage());
    }

    @Test
    void refusesAFileShorterThanAnEndRecord() throws IOException {
        byte[] end = Arrays.copyOf(new byte[] {'P', 'K', 5, 6}, 21);
        ZipException e = openFails(end);
        assertEquals(NotAZipFileException.class, e.getClass());
        assertEquals("not a zip file (too short)", e.getMessage());
    }

    @Test
    void refusesRandomBytes() throws IOException {
        byte[] random = ZipFixtures.random(42, 100_000);
        for (int i = 0; i + 4 <= random.length; i++) {
            assumeTrue(u32(random, i) != 0x06054b50L, "the random bytes hold an end record signature");
        }
        ZipException e = openFails(random);
        assertEquals(NotAZipFileException.class, e.getClass());
        assertEquals("not a zip file (no end of central directory record)", e.getMessage());
    }

    @Test
    void refusesAShellScript() throws IOException {
        ZipException e = openFails(ZipFixtures.LAUNCHER);
        assertEquals(NotAZipFileException.class, e.getClass());
        assertEquals("not a zip file (no end of central directory record)", e.getMessage());
    }

    @Test
    void refusesAJarCutInTheMiddle() throws IOException {
        byte[] jar = Files.readAllBytes(
                ZipFixtures.jdkZip(dir.resolve("whole.jar"), ZipFixtures.sampleEntries(), false));
        ZipException e = openFails(Arrays.copyOf(jar, jar.length / 2));
        assertEquals(NotAZipFileException.class, e.getClass());
        assertEquals("not a zip file (no end of central directory record)", e.getMessage());
    }

    @Test
    void refusesAJarMissingItsLastByte() throws IOException {
        byte[] jar = Files.readAllBytes(
                ZipFixtures.jdkZip(dir.resolve("whole.jar"), ZipFixtures.sampleEntries(), false));
        ZipException e = openFails(Arrays.copyOf(jar, jar.length - 1));
        assertEquals(NotAZipFileException.class, e.getClass());
        assertEquals("not a zip file (no end of central directory record)", e.getMessage());
    }

    @Test
    void refusesAJarWithBytesCutOutOfItsMiddle() throws IOException {
        byte[] jar = Files.readAllBytes(
                ZipFixtures.jdkZip(dir.resolve("whole.jar"), ZipFixtures.sampleEntries(), false));
        int cut = jar.length / 3;
        byte[] holed = new byte[jar.length - 1000];
        System.arraycopy(jar, 0, holed, 0, cut);
        System.arraycopy(jar, cut + 1000, holed, cut, jar.length - cut - 1000);
        ZipException e = openFails(holed);
        assertEquals(ZipException.class, e.getClass());
        assertEquals("central directory lies outside the file (truncated, or corrupt)", e.getMessage());
    }

    // ---- end records ----

    @Test
    void refusesASplitArchive() throws IOException {
        byte[] zip = valid();
        int end = ZipFixtures.endRecord(zip);
        put16(zip, end + 4, 1);
        assertEquals("a split (multi-volume) archive, which jars never are", openFails(zip).getMessage());
        zip = valid();
        put16(zip, end + 6, 1);
        assertEquals("a split (multi-volume) archive, which jars never are", openFails(zip).getMessage());
    }

    @Test
    void refusesZip64CountsWithoutALocator() throws IOException {
        byte[] zip = valid();
        int end = ZipFixtures.endRecord(zip);
        put16(zip, end + 10, 0xFFFF);
        assertEquals("zip64 end of central directory locator missing", openFails(zip).getMessage());
        zip = valid();
        put32(zip, end + 16, 0xFFFFFFFFL);
        assertEquals("zip64 end of central directory locator missing", openFails(zip).getMessage());
        zip = valid();
        put32(zip, end + 12, 0xFFFFFFFFL);
        assertEquals("zip64 end of central directory locator missing", openFails(zip).getMessage());
    }

    @Test
    void refusesALocatorWithoutAZip64EndRecordWhenTheEndRecordNeedsOne() throws IOException {
        byte[] zip = Files.readAllBytes(ZipFixtures.commonsZip(
                dir.resolve("zip64.jar"), ZipFixtures.sampleEntries(), Zip64Mode.Always, true));
        int zip64End = ZipFixtures.zip64EndRecord(zip);
        assertEquals(0x06064b50L, u32(zip, zip64End));
        zip[zip64End] = 'X';
        put32(zip, ZipFixtures.endRecord(zip) + 16, 0xFFFFFFFFL);
        assertEquals("zip64 end of central directory record missing", openFails(zip).getMessage());
    }

    // As the JDK does: without a zip64 end record where the locator says, the end record's own values stand; here
    // they put the directory where the zip64 record and the locator are, which holds no central record.
    @Test
    void readsTheEndRecordsOwnValuesWhenTheLocatorPointsAtNoZip64Record() throws IOException {
        byte[] zip = Files.readAllBytes(ZipFixtures.commonsZip(
                dir.resolve("zip64.jar"), ZipFixtures.sampleEntries(), Zip64Mode.Always, true));
        zip[ZipFixtures.zip64EndRecord(zip)] = 'X';
        Path file = file(zip);
        assertThrows(ZipException.class, () -> new ZipFile(file.toFile()).close());
        assertEquals("zip64 end of central directory record not where its locator says"
                + " (bytes prepended to a zip64 archive?)", openFails(zip).getMessage());
    }

    @Test
    void readsALocatorWithNoRoomForAZip64EndRecordBeforeItAsTheJdkDoes() throws IOException {
        byte[] zip = new byte[20 + 22];
        put32(zip, 0, 0x07064b50L);
        put32(zip, 20, 0x06054b50L);
        Path file = file(zip);
        try (ZipFile jdk = new ZipFile(file.toFile());
                ZipArchive archive = ZipArchive.open(file)) {
            assertEquals(0, jdk.size());
            assertEquals(0, archive.size());
        }
    }

    @Test
    void refusesMoreEntriesThanTheDirectoryCanHold() throws IOException {
        byte[] zip = valid();
        setCount(zip, 1000);
        assertEquals("central directory cannot hold the 1000 entries it claims", openFails(zip).getMessage());
    }

    @Test
    void refusesADirectoryLargerThanWhatPrecedesTheEndRecord() throws IOException {
        byte[] zip = valid();
        int end = ZipFixtures.endRecord(zip);
        put32(zip, end + 12, end + 1);
        assertEquals("central directory lies outside the file (truncated, or corrupt)", openFails(zip).getMessage());
    }

    // ---- central directory records ----

    @Test
    void refusesACentralRecordWithABadSignature() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        zip[records[1] + 2] = 9;
        assertEquals("central directory record 2 is missing or corrupt", openFails(zip).getMessage());
        zip = valid();
        zip[records[0]] = 0;
        assertEquals("central directory record 1 is missing or corrupt", openFails(zip).getMessage());
    }

    private static byte[] thirtyTwoEntries() {
        RawEntry[] entries = new RawEntry[32];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = RawEntry.deflated("e" + i + ".txt", ZipFixtures.text(i, 100 + i));
        }
        return ZipFixtures.assemble(entries);
    }

    // Finding 1b of issue 9: an end record that says 3 while the directory holds 32. The JDK's ZipFile walks the
    // directory by its size and reads all 32 (so does the JVM loading classes from the jar): so must this reader.
    @Test
    void readsEveryRecordOfTheDirectoryWhenTheEndRecordUnderCounts() throws IOException {
        byte[] zip = thirtyTwoEntries();
        setCount(zip, 3);
        Path file = file(zip);
        List<ZipFixtures.Item> jdk = ZipFixtures.readWithZipFile(file);
        assertEquals(32, jdk.size());
        try (ZipArchive archive = ZipArchive.open(file)) {
            assertEquals(32, archive.size());
            assertEquals(jdk, ZipFixtures.readWithArchive(archive));
        }
    }

    @Test
    void refusesAnEndRecordCountingMoreEntriesThanTheDirectoryHolds() throws IOException {
        byte[] zip = thirtyTwoEntries();
        setCount(zip, 33);
        assertEquals("the end record counts 33 entries, the central directory holds 32",
                openFails(zip).getMessage());
    }

    @Test
    void refusesADirectoryNotFilledByItsRecords() throws IOException {
        // Room for a fourth record after the third, but zeros there.
        byte[] zip = valid();
        int end = ZipFixtures.endRecord(zip);
        byte[] padded = new byte[zip.length + 46];
        System.arraycopy(zip, 0, padded, 0, end);
        System.arraycopy(zip, end, padded, end + 46, zip.length - end);
        put32(padded, end + 46 + 12, u32(zip, end + 12) + 46);
        assertEquals("central directory record 4 is missing or corrupt", openFails(padded).getMessage());
        // Fewer bytes than a record after the last.
        padded = new byte[zip.length + 10];
        System.arraycopy(zip, 0, padded, 0, end);
        System.arraycopy(zip, end, padded, end + 10, zip.length - end);
        put32(padded, end + 10 + 12, u32(zip, end + 12) + 10);
        assertEquals("central directory record 4 is missing or corrupt", openFails(padded).getMessage());
    }

    @Test
    void refusesACentralRecordRunningPastTheDirectory() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put16(zip, records[2] + 28, 0x7FFF);
        assertEquals("central directory record 3 runs past the directory's end", openFails(zip).getMessage());
        zip = valid();
        put16(zip, records[1] + 32, 1000);
        assertEquals("central directory record 2 runs past the directory's end", openFails(zip).getMessage());
    }

    @Test
    void refusesAnEntryWhoseDataLiesOutsideTheArchive() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        int centralStart = ZipFixtures.centralStart(zip);
        put32(zip, records[1] + 42, centralStart);
        assertEquals("b.txt: its data lies outside the archive (truncated, or corrupt)",
                openFails(zip).getMessage());
        zip = valid();
        put32(zip, records[2] + 42, 0x7FFFFFF0L);
        assertEquals("c.txt: its data lies outside the archive (truncated, or corrupt)",
                openFails(zip).getMessage());
    }

    @Test
    void anEntryMayEndExactlyWhereTheDirectoryStarts() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        int centralStart = ZipFixtures.centralStart(zip);
        // c.txt: 30-byte header, 5 of data (its name is not counted): the last offset accepted, then one past it.
        put32(zip, records[2] + 42, centralStart - 30 - 5);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertEquals(centralStart - 35, archive.localHeaderOffset(2));
        }
        put32(zip, records[2] + 42, centralStart - 30 - 5 + 1);
        assertEquals("c.txt: its data lies outside the archive (truncated, or corrupt)",
                openFails(zip).getMessage());
    }

    @Test
    void refusesAZip64OffsetOrSizeMissingFromTheExtraField() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[1] + 42, 0xFFFFFFFFL);
        assertEquals("b.txt: a zip64 size or offset is missing from its extra field", openFails(zip).getMessage());
        zip = valid();
        put32(zip, records[1] + 24, 0xFFFFFFFFL);
        assertEquals("b.txt: a zip64 size or offset is missing from its extra field", openFails(zip).getMessage());
    }

    // Regression: readDirectory once read the compressed size outside the try that wraps CorruptArchiveException,
    // so open() threw that unchecked exception, naming no entry.
    @Test
    void refusesAZip64CompressedSizeMissingFromTheExtraField() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[1] + 20, 0xFFFFFFFFL);
        Path file = file(zip);
        fails(ZipException.class, "b.txt: a zip64 size or offset is missing from its extra field",
                () -> ZipArchive.open(file).close());
    }

    @Test
    void refusesAZip64ValueBeyondLongMaxValue() throws IOException {
        byte[] zip = Files.readAllBytes(ZipFixtures.commonsZip(
                dir.resolve("zip64.jar"), ZipFixtures.sampleEntries(), Zip64Mode.Always, true));
        int record = ZipFixtures.centralRecords(zip)[3];
        int extra = record + 46 + u16(zip, record + 28);
        while (u16(zip, extra) != 0x0001) {
            extra += 4 + u16(zip, extra + 2);
        }
        // size, compressed size, offset: the offset's top byte.
        assertTrue(u16(zip, extra + 2) >= 24);
        zip[extra + 4 + 16 + 7] = (byte) 0x80;
        assertEquals("dev/patchsite/Sample.class: a zip64 size or offset is out of range",
                openFails(zip).getMessage());
    }

    // ---- overlapping entries ----

    @Test
    void refusesEntriesThatShareTheirData() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[1] + 42, 0);
        assertEquals("a.txt: its data overlaps that of b.txt (a corrupt or hostile archive: entries that share their"
                + " data)", openFails(zip).getMessage());
    }

    @Test
    void refusesAnEntryWhoseDataRunsIntoTheNext() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[2] + 42, 40 + 30 + 5 + u32(zip, records[1] + 20) - 1);
        assertEquals("b.txt: its data overlaps that of c.txt (a corrupt or hostile archive: entries that share their"
                + " data)", openFails(zip).getMessage());
    }

    @Test
    void rawEndRefusesALocalExtraFieldThatRunsIntoTheNextEntry() throws IOException {
        byte[] zip = valid();
        put16(zip, ZipFixtures.localHeader(zip, 1) + 28, 4);
        put16(zip, ZipFixtures.localHeader(zip, 0) + 28, 100);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "a.txt: overlaps the next entry's data (a corrupt or hostile archive)",
                    () -> archive.rawEnd(0));
            Path out = dir.resolve("out.zip");
            try (ZipWriter writer = new ZipWriter(out)) {
                fails(ZipException.class, "a.txt: overlaps the next entry's data (a corrupt or hostile archive)",
                        () -> writer.copy(archive, 0));
            }
        }
    }

    @Test
    void rawEndRefusesADescriptorThatRunsIntoTheNextEntry() throws IOException {
        // The local header says a descriptor follows the data, but only four bytes lie between it and the next entry.
        byte[] zip = ZipFixtures.assemble(
                RawEntry.deflated("a.txt", ALPHA).after(new byte[4]),
                RawEntry.stored("c.txt", GAMMA));
        put16(zip, 6, 8);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertEquals(30 + 5 + archive.compressedSize(0) + 4, archive.localHeaderOffset(1));
            fails(ZipException.class, "a.txt: overlaps the next entry's data (a corrupt or hostile archive)",
                    () -> archive.rawEnd(0));
            assertArrayEquals(ALPHA, archive.read(0));
            assertArrayEquals(GAMMA, archive.read(1));
        }
    }

    // ---- reading an entry ----

    @Test
    void refusesToReadWhereThereIsNoLocalHeader() throws IOException {
        byte[] zip = valid();
        zip[40 + 3] = 0;
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertArrayEquals(ALPHA, archive.read(0));
            fails(ZipException.class, "no local header where the central directory puts it (corrupt archive)",
                    () -> archive.read(1));
            fails(ZipException.class, "no local header where the central directory puts it (corrupt archive)",
                    () -> archive.open(1));
            assertArrayEquals(GAMMA, archive.read(2));
        }
    }

    @Test
    void rawEndReadsTheLocalHeaderBeforeALongGapAndRefusesAMissingOne() throws IOException {
        byte[] zip = ZipFixtures.assemble(
                RawEntry.stored("a.txt", ALPHA).after(new byte[70_000]),
                RawEntry.stored("c.txt", GAMMA));
        zip[1] = 'X';
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "a.txt: no local header where the central directory puts it (corrupt archive)",
                    () -> archive.rawEnd(0));
        }
    }

    @Test
    void refusesToReadAnEncryptedEntry() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put16(zip, records[1] + 8, 1);
        put16(zip, records[2] + 8, 0x0809);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "encrypted entry", () -> archive.read(1));
            fails(ZipException.class, "encrypted entry", () -> archive.open(1));
            fails(ZipException.class, "encrypted entry", () -> archive.read(2));
            assertArrayEquals(ALPHA, archive.read(0));
        }
    }

    @Test
    void refusesAnUnsupportedMethod() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put16(zip, records[1] + 10, 99);
        put16(zip, records[0] + 10, 14);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertEquals(99, archive.method(1));
            fails(ZipException.class, "unsupported compression method 99", () -> archive.read(1));
            fails(ZipException.class, "unsupported compression method 99", () -> archive.open(1));
            fails(ZipException.class, "unsupported compression method 14", () -> archive.read(0));
        }
    }

    @Test
    void refusesAStoredEntryWhoseSizesDiffer() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[0] + 24, ALPHA.length + 1);
        put32(zip, records[2] + 20, GAMMA.length - 1);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "stored entry whose compressed and uncompressed sizes differ",
                    () -> archive.read(0));
            fails(ZipException.class, "stored entry whose compressed and uncompressed sizes differ",
                    () -> archive.open(2));
        }
    }

    @Test
    void refusesAnEntryLargerThanTheLimit() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[1] + 24, ZipArchive.MAX_ENTRY_SIZE + 1);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertEquals(ZipArchive.MAX_ENTRY_SIZE + 1, archive.size(1));
            fails(ZipException.class, "entry larger than 256 MiB", () -> archive.read(1));
            fails(ZipException.class, "entry larger than 256 MiB", () -> archive.open(1));
        }
    }

    @Test
    void anEntryOfExactlyTheLimitIsNotRefusedForItsSize() throws IOException {
        byte[] zip = valid();
        int[] records = ZipFixtures.centralRecords(zip);
        put32(zip, records[1] + 24, ZipArchive.MAX_ENTRY_SIZE);
        put32(zip, ZipFixtures.localHeader(zip, 1) + 22, ZipArchive.MAX_ENTRY_SIZE);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            try (InputStream in = archive.open(1)) {
                assertArrayEquals(BETA, in.readNBytes(BETA.length));
                fails(ZipException.class, "entry holds 2000 bytes, not the 268435456 its central record declares",
                        in::read);
            }
            fails(ZipException.class, "entry holds 2000 bytes, not the 268435456 its central record declares",
                    () -> archive.read(1));
        }
    }

    /** Sets an entry's uncompressed size in its central record and its local header alike. */
    private static void setSize(byte[] zip, int entry, long size) {
        put32(zip, ZipFixtures.centralRecords(zip)[entry] + 24, size);
        put32(zip, ZipFixtures.localHeader(zip, entry) + 22, size);
    }

    @Test
    void refusesAnEntryWhoseContentsAreNotAsLongAsItsSize() throws IOException {
        byte[] zip = valid();
        setSize(zip, 1, BETA.length + 1);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "entry holds 2000 bytes, not the 2001 its central record declares",
                    () -> archive.read(1));
        }
        setSize(zip, 1, BETA.length - 1);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "entry holds more than the 1999 bytes its central record declares",
                    () -> archive.read(1));
            // The stream stops at the declared size whoever reads it, and however.
            try (InputStream in = archive.open(1)) {
                fails(ZipException.class, "entry holds more than the 1999 bytes its central record declares",
                        in::readAllBytes);
            }
            try (InputStream in = archive.open(1)) {
                assertArrayEquals(Arrays.copyOf(BETA, 1999), in.readNBytes(1999));
                fails(ZipException.class, "entry holds more than the 1999 bytes its central record declares",
                        in::read);
            }
        }
    }

    @Test
    void refusesBadDeflatedData() throws IOException {
        byte[] zip = valid();
        // b.txt's data starts after its 30-byte header and 5-byte name: first block "final, reserved type".
        zip[40 + 35] = (byte) 0xFF;
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "invalid block type", () -> archive.read(1));
        }
    }

    @Test
    void refusesTruncatedDeflatedData() throws IOException {
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION, true);
        byte[] stored = Deflated.of(BETA, deflater).data();
        deflater.end();
        RawEntry entry = RawEntry.of("b.txt", 8, BETA, Arrays.copyOf(stored, stored.length / 2));
        byte[] zip = ZipFixtures.assemble(RawEntry.stored("a.txt", ALPHA), entry);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(EOFException.class, "unexpected end of deflated data", () -> archive.read(1));
        }
    }

    @Test
    void refusesAnEntryWhoseDataRunsIntoTheDirectory() throws IOException {
        byte[] zip = valid();
        int c = ZipFixtures.localHeader(zip, 2);
        put16(zip, c + 28, 0xFFFF);
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            fails(ZipException.class, "entry data truncated", () -> archive.read(2));
            assertArrayEquals(BETA, archive.read(1));
        }
    }

    @Test
    void refusesATruncatedBzip2Entry() throws IOException {
        java.io.ByteArrayOutputStream bzip2 = new java.io.ByteArrayOutputStream();
        try (var out = new org.apache.commons.compress.compressors.bzip2.BZip2CompressorOutputStream(bzip2)) {
            out.write(BETA);
        }
        byte[] data = bzip2.toByteArray();
        byte[] zip = ZipFixtures.assemble(RawEntry.of("b.bz2", 12, BETA, Arrays.copyOf(data, data.length - 8)));
        try (ZipArchive archive = ZipArchive.open(file(zip))) {
            assertThrows(IOException.class, () -> archive.read(0));
        }
    }

    @Test
    void closesTheFileWhenItRefusesIt() throws IOException {
        Path fds = Path.of("/proc/self/fd");
        assumeTrue(Files.isDirectory(fds), "no /proc/self/fd to count open files in");
        byte[] zip = valid();
        put16(zip, ZipFixtures.centralRecords(zip)[1], 0);
        Path file = file(zip);
        long before;
        try (var list = Files.list(fds)) {
            before = list.count();
        }
        for (int i = 0; i < 50; i++) {
            assertThrows(ZipException.class, () -> ZipArchive.open(file));
        }
        long after;
        try (var list = Files.list(fds)) {
            after = list.count();
        }
        assertTrue(after < before + 50, "open files went from " + before + " to " + after);
    }

    @Test
    void theNameInAMessageIsTheEntrysUtf8Name() throws IOException {
        byte[] zip = ZipFixtures.assemble(RawEntry.stored(ZipFixtures.UNICODE_NAME, ALPHA));
        put32(zip, ZipFixtures.centralRecords(zip)[0] + 42, 0xFFFFFFFFL);
        assertEquals(ZipFixtures.UNICODE_NAME + ": a zip64 size or offset is missing from its extra field",
                openFails(zip).getMessage());
        assertEquals("données/名前-\uD83D\uDE00.txt",
                new String(ZipFixtures.UNICODE_NAME.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8));
    }
}
