package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipArchiveTest.bytes;
import static dev.patchsite.linker.internal.zip.ZipFixtures.DOS_TIME;
import static dev.patchsite.linker.internal.zip.ZipFixtures.UNICODE_NAME;
import static dev.patchsite.linker.internal.zip.ZipFixtures.crc;
import static dev.patchsite.linker.internal.zip.ZipFixtures.names;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u32;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.internal.zip.ZipFixtures.Item;
import dev.patchsite.linker.internal.zip.ZipFixtures.RawEntry;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarInputStream;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link ZipWriter} writes, in the order of the calls, entries copied raw from several archives (JDK-written with
 * data descriptors, Commons Compress with zip64 fields on every record, stored, with a launcher prepended) and
 * entries it is given deflated, into a file that {@link ZipFile}, {@link java.util.zip.ZipInputStream} (streaming),
 * {@link JarFile} with verification and {@link ZipArchive} all read as written: same names in the same order, same
 * contents, CRCs and times, copied entries byte for byte. The same calls give the same bytes; more than 65,534
 * entries give zip64 end records, and no fewer; the scratch file is gone once the writer is closed.
 */
class ZipWriterTest {

    /** When an added entry was modified: 2021-12-31 23:59:58. */
    private static final LocalDateTime ADDED_TIME = LocalDateTime.of(2021, 12, 31, 23, 59, 58);
    private static final int ADDED_DOS_TIME = ZipFixtures.dosTime(ADDED_TIME);

    @TempDir
    Path dir;


    /** The archives to copy from, each with names of its own, and what each entry holds. */
    private final class Sources implements AutoCloseable {
        final Map<String, byte[]> contents = new LinkedHashMap<>();
        final ZipArchive jdk;
        final ZipArchive zip64;
        final ZipArchive stored;
        final ZipArchive launched;

        Sources() throws IOException {
            Map<String, byte[]> sample = ZipFixtures.sampleEntries();
            ZipFixtures.jdkZip(dir.resolve("jdk.jar"), sample, false);
            ZipFixtures.commonsZip(dir.resolve("zip64.jar"), renamed(sample, "c64/"), Zip64Mode.Always, true);
            ZipFixtures.jdkZip(dir.resolve("stored.jar"), renamed(sample, "st/"), true);
            byte[] jar = Files.readAllBytes(ZipFixtures.jdkZip(dir.resolve("pre.jar"), renamed(sample, "pre/"), false));
            Files.write(dir.resolve("launched"), ZipArchiveTest.concat(ZipFixtures.LAUNCHER, jar));
            for (String prefix : List.of("", "c64/", "st/", "pre/")) {
                contents.putAll(renamed(sample, prefix));
            }
            jdk = ZipArchive.open(dir.resolve("jdk.jar"));
            zip64 = ZipArchive.open(dir.resolve("zip64.jar"));
            stored = ZipArchive.open(dir.resolve("stored.jar"));
            launched = ZipArchive.open(dir.resolve("launched"));
        }

        @Override
        public void close() throws IOException {
            for (ZipArchive archive : List.of(jdk, zip64, stored, launched)) {
                archive.close();
            }
        }
    }

    private static Map<String, byte[]> renamed(Map<String, byte[]> entries, String prefix) {
        Map<String, byte[]> renamed = new LinkedHashMap<>();
        entries.forEach((name, bytes) -> renamed.put(prefix.isEmpty() || !name.startsWith("META-INF/")
                ? prefix + name : prefix + "x/" + name, bytes));
        return renamed;
    }

    /** One call made to the writer: a copy (archive and entry) or an add (name, time, contents). */
    private record Call(ZipArchive from, int entry, String name, int dosTime, byte[] contents) {
    }

    /**
     * The calls of the main scenario: every entry of every source, runs broken by added entries, one source copied
     * in reverse, and added entries with ASCII and non-ASCII names, empty and larger than the writer's buffer.
     */
    private List<Call> calls(Sources sources) {
        List<Call> calls = new ArrayList<>();
        for (int i = 0; i < sources.jdk.size(); i++) {
            calls.add(new Call(sources.jdk, i, null, 0, null));
            if (i == 2) {
                calls.add(new Call(null, 0, "added/first.txt", ADDED_DOS_TIME, ZipFixtures.text(20, 10_000)));
            }
        }
        for (int i = 0; i < sources.zip64.size(); i++) {
            calls.add(new Call(sources.zip64, i, null, 0, null));
        }
        calls.add(new Call(null, 0, "added/ünïcødé-名前.txt", DOS_TIME, ZipFixtures.text(21, 500)));
        calls.add(new Call(null, 0, "added/empty", DOS_TIME, new byte[0]));
        for (int i = sources.stored.size() - 1; i >= 0; i--) {
            calls.add(new Call(sources.stored, i, null, 0, null));
        }
        calls.add(new Call(null, 0, "added/big.bin", ADDED_DOS_TIME, ZipFixtures.random(22, 3 << 20 >> 1)));
        // Ends with a run of copies, which finish() must write.
        for (int i = 3; i < sources.launched.size(); i++) {
            calls.add(new Call(sources.launched, i, null, 0, null));
        }
        return calls;
    }

    private void write(Path out, List<Call> calls) throws IOException {
        try (ZipWriter writer = new ZipWriter(out)) {
            for (Call call : calls) {
                if (call.from != null) {
                    writer.copy(call.from, call.entry);
                } else {
                    writer.add(call.name, call.dosTime, ZipFixtures.deflated(call.contents));
                }
            }
            writer.finish();
        }
    }

    private static String name(Call call) {
        return call.from != null ? call.from.name(call.entry) : call.name;
    }

    private List<Item> expected(Sources sources, List<Call> calls) {
        List<Item> items = new ArrayList<>();
        for (Call call : calls) {
            items.add(Item.of(name(call), call.from != null ? sources.contents.get(name(call)) : call.contents));
        }
        return items;
    }

    @Test
    void copiesAndAddsEntriesThatEveryReaderReadsAsWritten() throws IOException {
        Path out = dir.resolve("out.jar");
        try (Sources sources = new Sources()) {
            List<Call> calls = calls(sources);
            write(out, calls);
            List<Item> expected = expected(sources, calls);
            assertEquals(29, expected.size());
            assertEquals(expected, ZipFixtures.readWithZipFile(out));
            assertEquals(expected, ZipFixtures.readWithZipInputStream(out));
            assertEquals(expected, ZipFixtures.readWithArchive(out));
        }
    }

    @Test
    void keepsEveryEntrysCrcSizesMethodAndTime() throws IOException {
        Path out = dir.resolve("out.jar");
        try (Sources sources = new Sources()) {
            List<Call> calls = calls(sources);
            write(out, calls);
            try (ZipArchive archive = ZipArchive.open(out); ZipFile zipFile = new ZipFile(out.toFile())) {
                assertEquals(calls.size(), archive.size());
                assertEquals(calls.size(), zipFile.size());
                for (int j = 0; j < calls.size(); j++) {
                    Call call = calls.get(j);
                    String name = name(call);
                    ZipEntry entry = zipFile.getEntry(name);
                    assertEquals(name, archive.name(j));
                    if (call.from != null) {
                        int i = call.entry;
                        assertEquals(call.from.crc(i), archive.crc(j), name);
                        assertEquals(call.from.size(i), archive.size(j), name);
                        assertEquals(call.from.compressedSize(i), archive.compressedSize(j), name);
                        assertEquals(call.from.method(i), archive.method(j), name);
                        assertEquals(call.from.flags(i), archive.flags(j), name);
                        assertEquals(call.from.dosTime(i), archive.dosTime(j), name);
                        assertEquals(ZipFixtures.TIME, entry.getTimeLocal(), name);
                    } else {
                        assertEquals(crc(call.contents), archive.crc(j), name);
                        assertEquals(call.contents.length, archive.size(j), name);
                        assertEquals(ZipFixtures.deflated(call.contents).data().length, archive.compressedSize(j));
                        assertEquals(8, archive.method(j), name);
                        assertEquals(call.dosTime, archive.dosTime(j), name);
                        assertEquals(call.dosTime == DOS_TIME ? ZipFixtures.TIME : ADDED_TIME, entry.getTimeLocal(),
                                name);
                    }
                    assertEquals(archive.crc(j), entry.getCrc(), name);
                    assertEquals(archive.size(j), entry.getSize(), name);
                    assertEquals(archive.compressedSize(j), entry.getCompressedSize(), name);
                    assertEquals(archive.method(j), entry.getMethod(), name);
                    assertFalse(archive.hasZip64Extra(j), name);
                }
                assertNull(archive.duplicateName());
            }
        }
    }

    @Test
    void copiesEachEntryByteForByteAndItsCentralRecordButForTheOffset() throws IOException {
        Path out = dir.resolve("out.jar");
        try (Sources sources = new Sources()) {
            List<Call> calls = calls(sources);
            write(out, calls);
            byte[] written = Files.readAllBytes(out);
            try (ZipArchive archive = ZipArchive.open(out)) {
                for (int j = 0; j < calls.size(); j++) {
                    Call call = calls.get(j);
                    if (call.from == null) {
                        continue;
                    }
                    String name = name(call);
                    byte[] source = Files.readAllBytes(call.from.path());
                    long start = call.from.localHeaderOffset(call.entry);
                    long end = call.from.rawEnd(call.entry);
                    assertArrayEquals(Arrays.copyOfRange(source, (int) start, (int) end),
                            Arrays.copyOfRange(written, (int) archive.localHeaderOffset(j), (int) archive.rawEnd(j)),
                            name);
                    byte[] before = call.from.centralRecord(call.entry);
                    byte[] after = archive.centralRecord(j);
                    assertEquals(archive.localHeaderOffset(j), u32(after, 42), name);
                    if (call.from == sources.zip64) {
                        // The zip64 field goes, since nothing needs it; the sizes go back into the record.
                        assertTrue(call.from.hasZip64Extra(call.entry), name);
                        assertEquals(0xFFFFFFFFL, u32(before, 24), name);
                        assertEquals(call.from.size(call.entry), u32(after, 24), name);
                        assertEquals(call.from.compressedSize(call.entry), u32(after, 20), name);
                        assertEquals(45, u16(after, 6), name);
                        assertTrue(after.length < before.length, name);
                    } else {
                        ZipFixtures.put32(before, 42, 0);
                        ZipFixtures.put32(after, 42, 0);
                        assertArrayEquals(before, after, name);
                    }
                }
            }
        }
    }

    @Test
    void writesAJarThatJarFileVerifiesAndJarInputStreamReads() throws IOException {
        Path out = dir.resolve("out.jar");
        try (Sources sources = new Sources()) {
            List<Call> calls = calls(sources);
            write(out, calls);
            List<Item> expected = expected(sources, calls);
            List<Item> read = new ArrayList<>();
            try (JarFile jar = new JarFile(out.toFile(), true)) {
                assertEquals("ZipFixtures", jar.getManifest().getMainAttributes().getValue("Created-By"));
                for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                    JarEntry entry = e.nextElement();
                    try (InputStream in = jar.getInputStream(entry)) {
                        read.add(Item.of(entry.getName(), in.readAllBytes()));
                    }
                    assertNull(entry.getCodeSigners(), entry.getName());
                }
            }
            assertEquals(expected, read);
            try (JarInputStream in = new JarInputStream(Files.newInputStream(out), true)) {
                assertNotNull(in.getManifest());
                assertEquals("ZipFixtures", in.getManifest().getMainAttributes().getValue("Created-By"));
                List<String> names = new ArrayList<>();
                for (JarEntry entry; (entry = in.getNextJarEntry()) != null; ) {
                    names.add(entry.getName());
                    in.readAllBytes();
                }
                // JarInputStream hands the manifest over as getManifest() rather than as an entry.
                List<String> expectedNames = expected.stream().map(Item::name)
                        .filter(n -> !n.equals("META-INF/MANIFEST.MF")).collect(Collectors.toList());
                assertEquals(expectedNames, names);
            }
        }
    }

    @Test
    void copiesAlternatelyFromTwoArchives() throws IOException {
        Map<String, byte[]> a = new LinkedHashMap<>();
        Map<String, byte[]> b = new LinkedHashMap<>();
        for (int i = 0; i < 5; i++) {
            a.put("a/" + i, ZipFixtures.text(100 + i, 3000));
            b.put("b/" + i, ZipFixtures.random(200 + i, 700));
        }
        Path out = dir.resolve("ab.zip");
        List<Item> expected = new ArrayList<>();
        try (ZipArchive first = ZipArchive.open(ZipFixtures.jdkZip(dir.resolve("a.zip"), a, false));
                ZipArchive second = ZipArchive.open(
                        ZipFixtures.commonsZip(dir.resolve("b.zip"), b, Zip64Mode.Always, true));
                ZipWriter writer = new ZipWriter(out)) {
            for (int i = 0; i < 5; i++) {
                writer.copy(first, i);
                expected.add(Item.of("a/" + i, a.get("a/" + i)));
                writer.copy(second, i);
                expected.add(Item.of("b/" + i, b.get("b/" + i)));
            }
            // Then a run from each, in one piece.
            for (int i = 0; i < 5; i++) {
                writer.copy(first, i);
                expected.add(Item.of("a/" + i, a.get("a/" + i)));
            }
            for (int i = 0; i < 5; i++) {
                writer.copy(second, i);
                expected.add(Item.of("b/" + i, b.get("b/" + i)));
            }
            writer.finish();
        }
        assertEquals(expected, ZipFixtures.readWithZipFile(out));
        assertEquals(expected, ZipFixtures.readWithZipInputStream(out));
        try (ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(expected, ZipFixtures.readWithArchive(archive));
            assertEquals("a/0", archive.duplicateName());
        }
    }

    @Test
    void theSameCallsGiveTheSameBytes() throws IOException {
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("second.jar");
        try (Sources sources = new Sources()) {
            List<Call> calls = calls(sources);
            write(first, calls);
            write(second, calls);
        }
        assertEquals(-1L, Files.mismatch(first, second));
        assertTrue(Files.size(first) > 3 << 20 >> 1);
    }

    // Finding 8a of issue 9: a launcher script before the jar (cat run.sh app.jar > app) was dropped from the output.
    @Test
    void keepsWhatPrecedesTheFirstEntry() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        byte[] jar = Files.readAllBytes(ZipFixtures.jdkZip(dir.resolve("app.jar"), entries, false));
        byte[] launched = new byte[ZipFixtures.LAUNCHER.length + jar.length];
        System.arraycopy(ZipFixtures.LAUNCHER, 0, launched, 0, ZipFixtures.LAUNCHER.length);
        System.arraycopy(jar, 0, launched, ZipFixtures.LAUNCHER.length, jar.length);
        Path input = ZipFixtures.write(dir, "app", launched);
        Path out = dir.resolve("out");
        try (ZipArchive archive = ZipArchive.open(input); ZipWriter writer = new ZipWriter(out)) {
            assertEquals(ZipFixtures.LAUNCHER.length, archive.prefixLength());
            writer.copyPrefix(archive);
            for (int entry = 0; entry < archive.size(); entry++) {
                writer.copy(archive, entry);
            }
            writer.add("added.txt", DOS_TIME, ZipFixtures.deflated(bytes("added")));
            writer.finish();
            assertThrows(IllegalStateException.class, () -> writer.copyPrefix(archive));
        }
        byte[] written = Files.readAllBytes(out);
        assertArrayEquals(ZipFixtures.LAUNCHER, Arrays.copyOf(written, ZipFixtures.LAUNCHER.length));
        List<Item> expected = new ArrayList<>(ZipFixtures.items(entries));
        expected.add(Item.of("added.txt", bytes("added")));
        assertEquals(expected, ZipFixtures.readWithZipFile(out));
        try (ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(ZipFixtures.LAUNCHER.length, archive.prefixLength());
            assertEquals(expected, ZipFixtures.readWithArchive(archive));
        }
    }

    // JDK 25's ZipFile refuses the zip64 field Commons Compress writes in Zip64Mode.Always (JDK 17 reads it): the raw
    // copy drops every zip64 field nothing needs, so a jar linked from such an input opens on both.
    @Test
    void aCopyOfCommonsZip64FieldsThatJdk25RefusesOpensOnThisJdk() throws IOException {
        Map<String, byte[]> entries = ZipFixtures.sampleEntries();
        Path in = ZipFixtures.commonsZip(dir.resolve("zip64.jar"), entries, Zip64Mode.Always, true);
        List<Item> jdk = ZipFixtures.readWithZipFileUnlessZip64Refused(in);
        assertTrue(jdk == null || jdk.equals(ZipFixtures.items(entries)), "the JDK reads the input, and otherwise");
        Path out = dir.resolve("out.zip");
        try (ZipArchive archive = ZipArchive.open(in); ZipWriter writer = new ZipWriter(out)) {
            for (int i = 0; i < archive.size(); i++) {
                writer.copy(archive, i);
            }
            writer.finish();
        }
        assertEquals(ZipFixtures.items(entries), ZipFixtures.readWithZipFile(out));
        byte[] bytes = Files.readAllBytes(out);
        for (int record : ZipFixtures.centralRecords(bytes)) {
            ZipFixtures.assertJdk25AcceptsExtraField(Arrays.copyOfRange(bytes, record, bytes.length), "record");
        }
    }

    @Test
    void replacesAnExistingFile() throws IOException {
        Path out = dir.resolve("out.zip");
        Files.write(out, ZipFixtures.random(9, 100_000));
        try (ZipWriter writer = new ZipWriter(out)) {
            writer.add("a.txt", DOS_TIME, ZipFixtures.deflated(bytes("a")));
            writer.finish();
        }
        assertEquals(List.of(Item.of("a.txt", bytes("a"))), ZipFixtures.readWithZipFile(out));
        assertTrue(Files.size(out) < 200);
    }

    @Test
    void writesAnEmptyZip() throws IOException {
        Path out = dir.resolve("empty.zip");
        try (ZipWriter writer = new ZipWriter(out)) {
            writer.finish();
        }
        byte[] expected = new byte[22];
        ZipFixtures.put32(expected, 0, 0x06054b50L);
        assertArrayEquals(expected, Files.readAllBytes(out));
        try (ZipFile zip = new ZipFile(out.toFile()); ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(0, zip.size());
            assertEquals(0, archive.size());
        }
    }

    @Test
    void writesTheLayoutOfAnAddedEntryExactly() throws IOException {
        Path out = dir.resolve("one.zip");
        Deflated data = ZipFixtures.deflated(bytes("hello"));
        try (ZipWriter writer = new ZipWriter(out)) {
            writer.add("h.txt", 0x12345678, data);
            writer.finish();
        }
        byte[] zip = Files.readAllBytes(out);
        int local = 30 + 5 + data.data().length;
        assertEquals(local + 46 + 5 + 22, zip.length);
        // Local header: signature, version 20, no flags, deflated, time, CRC, sizes, name length, no extra.
        assertEquals(0x04034b50L, u32(zip, 0));
        assertEquals(20, u16(zip, 4));
        assertEquals(0, u16(zip, 6));
        assertEquals(8, u16(zip, 8));
        assertEquals(0x12345678L, u32(zip, 10));
        assertEquals(0x3610a686L, u32(zip, 14));
        assertEquals(data.data().length, u32(zip, 18));
        assertEquals(5, u32(zip, 22));
        assertEquals(5, u16(zip, 26));
        assertEquals(0, u16(zip, 28));
        assertEquals("h.txt", new String(zip, 30, 5, java.nio.charset.StandardCharsets.UTF_8));
        assertArrayEquals(data.data(), Arrays.copyOfRange(zip, 35, local));
        // Central record.
        assertEquals(0x02014b50L, u32(zip, local));
        assertEquals(20, u16(zip, local + 4));
        assertEquals(20, u16(zip, local + 6));
        assertEquals(0, u16(zip, local + 8));
        assertEquals(8, u16(zip, local + 10));
        assertEquals(0x12345678L, u32(zip, local + 12));
        assertEquals(0x3610a686L, u32(zip, local + 16));
        assertEquals(data.data().length, u32(zip, local + 20));
        assertEquals(5, u32(zip, local + 24));
        assertEquals(5, u16(zip, local + 28));
        assertEquals(0, u16(zip, local + 30));
        assertEquals(0, u16(zip, local + 32));
        assertEquals(0, u32(zip, local + 42));
        // End record: one entry, the directory's size and offset, no comment.
        int end = local + 51;
        assertEquals(0x06054b50L, u32(zip, end));
        assertEquals(0, u32(zip, end + 4));
        assertEquals(1, u16(zip, end + 8));
        assertEquals(1, u16(zip, end + 10));
        assertEquals(51, u32(zip, end + 12));
        assertEquals(local, u32(zip, end + 16));
        assertEquals(0, u16(zip, end + 20));
    }

    @Test
    void flagsNonAsciiNamesAsUtf8() throws IOException {
        Path out = dir.resolve("names.zip");
        try (ZipWriter writer = new ZipWriter(out)) {
            writer.add("ascii.txt", DOS_TIME, ZipFixtures.deflated(bytes("a")));
            writer.add(UNICODE_NAME, DOS_TIME, ZipFixtures.deflated(bytes("u")));
            writer.add("é", DOS_TIME, ZipFixtures.deflated(bytes("e")));
            writer.finish();
        }
        byte[] zip = Files.readAllBytes(out);
        int[] records = ZipFixtures.centralRecords(zip);
        int[] expectedFlags = {0, 0x0800, 0x0800};
        for (int i = 0; i < 3; i++) {
            assertEquals(expectedFlags[i], u16(zip, records[i] + 8), "central flags of entry " + i);
            assertEquals(expectedFlags[i], u16(zip, ZipFixtures.localHeader(zip, i) + 6), "local flags of " + i);
        }
        List<Item> expected = List.of(Item.of("ascii.txt", bytes("a")), Item.of(UNICODE_NAME, bytes("u")),
                Item.of("é", bytes("e")));
        assertEquals(expected, ZipFixtures.readWithZipFile(out));
        assertEquals(expected, ZipFixtures.readWithZipInputStream(out));
        try (ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(expected, ZipFixtures.readWithArchive(archive));
            assertEquals(1, archive.find(UNICODE_NAME));
            assertEquals(0x0800, archive.flags(1));
        }
    }

    @Test
    void refusesANameTooLongForTheFormat() throws IOException {
        Path out = dir.resolve("long.zip");
        String tooLong = "n".repeat(0x10000);
        String longest = "é".repeat(0x7FFF) + "n";
        try (ZipWriter writer = new ZipWriter(out)) {
            ZipException e = assertThrows(ZipException.class,
                    () -> writer.add(tooLong, DOS_TIME, ZipFixtures.deflated(bytes("x"))));
            assertEquals(tooLong + ": entry name too long", e.getMessage());
            // 0x7FFF two-byte characters and one more byte: 65,535 bytes, the most there is room for.
            writer.add(longest, DOS_TIME, ZipFixtures.deflated(bytes("x")));
            ZipException e2 = assertThrows(ZipException.class,
                    () -> writer.add("é".repeat(0x8000), DOS_TIME, ZipFixtures.deflated(bytes("x"))));
            assertEquals("é".repeat(0x8000) + ": entry name too long", e2.getMessage());
            writer.finish();
        }
        try (ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(List.of(longest), names(archive));
            assertArrayEquals(bytes("x"), archive.read(0));
        }
    }

    @Test
    void copiesAnEntryTwiceAndLeavesJunkBetweenEntriesBehind() throws IOException {
        byte[] junk = new byte[100_000];
        Arrays.fill(junk, (byte) 'J');
        byte[] source = ZipFixtures.assemble(
                RawEntry.deflated("a.txt", ZipFixtures.text(1, 5000)).after(junk),
                RawEntry.stored("b.txt", bytes("bee")).after(junk),
                RawEntry.deflated("c.txt", bytes("sea")));
        Path out = dir.resolve("out.zip");
        try (ZipArchive archive = ZipArchive.open(ZipFixtures.write(dir, "junk.zip", source));
                ZipWriter writer = new ZipWriter(out)) {
            for (int i : new int[] {0, 1, 2, 1}) {
                writer.copy(archive, i);
            }
            writer.finish();
        }
        List<Item> expected = List.of(Item.of("a.txt", ZipFixtures.text(1, 5000)), Item.of("b.txt", bytes("bee")),
                Item.of("c.txt", bytes("sea")), Item.of("b.txt", bytes("bee")));
        assertTrue(Files.size(out) < 10_000, Files.size(out) + " bytes");
        assertEquals(expected, ZipFixtures.readWithZipFile(out));
        assertEquals(expected, ZipFixtures.readWithZipInputStream(out));
        try (ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(expected, ZipFixtures.readWithArchive(archive));
            assertEquals("b.txt", archive.duplicateName());
        }
    }

    // Regression: rawEnd once took up to 65,559 bytes after an entry as its own, so a copied last entry brought
    // the bytes before its directory along, and streaming readers stopped there.
    @Test
    void leavesBytesBetweenTheLastEntryAndTheDirectoryBehind() throws IOException {
        byte[] block = new byte[4096];
        Arrays.fill(block, (byte) 'S');
        byte[] source = ZipFixtures.assemble(RawEntry.stored("last.txt", bytes("last")).after(block));
        Path in = ZipFixtures.write(dir, "signed.zip", source);
        assertEquals(List.of(Item.of("last.txt", bytes("last"))), ZipFixtures.readWithZipInputStream(in));
        Path out = dir.resolve("out.zip");
        try (ZipArchive archive = ZipArchive.open(in); ZipWriter writer = new ZipWriter(out)) {
            writer.copy(archive, 0);
            writer.add("after.txt", DOS_TIME, ZipFixtures.deflated(bytes("after")));
            writer.finish();
        }
        List<Item> expected = List.of(Item.of("last.txt", bytes("last")), Item.of("after.txt", bytes("after")));
        assertEquals(expected, ZipFixtures.readWithZipFile(out));
        assertEquals(expected, ZipFixtures.readWithZipInputStream(out));
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void writesZip64EndRecordsForMoreThan65534Entries() throws IOException {
        Path out = dir.resolve("many.zip");
        Deflated empty = ZipFixtures.deflated(new byte[0]);
        long started = System.nanoTime();
        try (ZipWriter writer = new ZipWriter(out)) {
            for (int i = 0; i < 70_000; i++) {
                writer.add("e/" + i, DOS_TIME, empty);
            }
            writer.finish();
        }
        long millis = (System.nanoTime() - started) / 1_000_000;
        assertTrue(millis < 2000, "writing 70,000 entries took " + millis + " ms");
        byte[] zip = Files.readAllBytes(out);
        assertZip64End(zip, 70_000);
        try (ZipFile zipFile = new ZipFile(out.toFile())) {
            assertEquals(70_000, zipFile.size());
            for (int i : new int[] {0, 65_534, 65_535, 69_999}) {
                ZipEntry entry = zipFile.getEntry("e/" + i);
                assertNotNull(entry, "e/" + i);
                try (InputStream in = zipFile.getInputStream(entry)) {
                    assertEquals(0, in.readAllBytes().length);
                }
            }
        }
        try (ZipArchive archive = ZipArchive.open(out)) {
            assertEquals(70_000, archive.size());
            assertEquals("e/69999", archive.name(69_999));
            assertEquals(65_535, archive.find("e/65535"));
        }
    }

    @Test
    @Timeout(value = 20, unit = TimeUnit.SECONDS)
    void writesZip64EndRecordsFrom65535EntriesOnAndNotBefore() throws IOException {
        Path source = ZipFixtures.manyEntries(dir.resolve("source.zip"), 65_535, "e/");
        Path classic = dir.resolve("65534.zip");
        Path zip64 = dir.resolve("65535.zip");
        try (ZipArchive archive = ZipArchive.open(source)) {
            for (Path out : List.of(classic, zip64)) {
                int count = out == classic ? 65_534 : 65_535;
                try (ZipWriter writer = new ZipWriter(out)) {
                    for (int i = 0; i < count; i++) {
                        writer.copy(archive, i);
                    }
                    writer.finish();
                }
            }
        }
        byte[] bytes = Files.readAllBytes(classic);
        int end = bytes.length - 22;
        assertEquals(0x06054b50L, u32(bytes, end));
        assertEquals(65_534, u16(bytes, end + 10));
        assertFalse(u32(bytes, end - 20) == 0x07064b50L, "a zip64 locator before 65,535 entries");
        assertZip64End(Files.readAllBytes(zip64), 65_535);
        try (ZipFile a = new ZipFile(classic.toFile()); ZipFile b = new ZipFile(zip64.toFile())) {
            assertEquals(65_534, a.size());
            assertEquals(65_535, b.size());
            assertNotNull(b.getEntry("e/65534"));
        }
        try (ZipArchive a = ZipArchive.open(classic); ZipArchive b = ZipArchive.open(zip64)) {
            assertEquals(65_534, a.size());
            assertEquals(65_535, b.size());
        }
    }

    /** The file ends with a zip64 end record, its locator and an end record that defers to them. */
    private static void assertZip64End(byte[] zip, long entries) {
        int end = zip.length - 22;
        int locator = end - 20;
        int zip64End = locator - 56;
        assertEquals(0x06054b50L, u32(zip, end));
        assertEquals(0xFFFF, u16(zip, end + 8));
        assertEquals(0xFFFF, u16(zip, end + 10));
        assertEquals(0x07064b50L, u32(zip, locator));
        assertEquals(0, u32(zip, locator + 4));
        assertEquals(zip64End, u64(zip, locator + 8));
        assertEquals(1, u32(zip, locator + 16));
        assertEquals(0x06064b50L, u32(zip, zip64End));
        assertEquals(44, u64(zip, zip64End + 4));
        assertEquals(45, u16(zip, zip64End + 12));
        assertEquals(45, u16(zip, zip64End + 14));
        assertEquals(0, u32(zip, zip64End + 16));
        assertEquals(0, u32(zip, zip64End + 20));
        assertEquals(entries, u64(zip, zip64End + 24));
        assertEquals(entries, u64(zip, zip64End + 32));
        long centralSize = u64(zip, zip64End + 40);
        long centralStart = u64(zip, zip64End + 48);
        assertEquals(zip64End, centralStart + centralSize);
        assertEquals(centralSize, u32(zip, end + 12));
        assertEquals(centralStart, u32(zip, end + 16));
        assertEquals(0x02014b50L, u32(zip, (int) centralStart));
    }

    @Test
    void removesItsScratchFileWhenClosed() throws IOException {
        Path out = dir.resolve("out.zip");
        try (ZipWriter writer = new ZipWriter(out)) {
            writer.add("a", DOS_TIME, ZipFixtures.deflated(bytes("a")));
            // The scratch file is beside the output; where the platform can, it is unlinked as soon as it is open.
            List<String> during = list(dir);
            assertTrue(during.contains("out.zip"), during.toString());
            for (String name : during) {
                assertTrue(name.equals("out.zip") || name.startsWith(".out.zip") && name.endsWith(".central"), name);
            }
            assertTrue(during.size() <= 2, during.toString());
            writer.finish();
        }
        assertEquals(List.of("out.zip"), list(dir));
        // Closed without finishing, too.
        Path abandoned = dir.resolve("abandoned.zip");
        try (ZipWriter writer = new ZipWriter(abandoned)) {
            writer.add("a", DOS_TIME, ZipFixtures.deflated(bytes("a")));
        }
        assertEquals(List.of("abandoned.zip", "out.zip"), list(dir));
    }

    private static List<String> list(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
        }
    }
}
