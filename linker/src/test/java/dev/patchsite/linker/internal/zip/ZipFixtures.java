package dev.patchsite.linker.internal.zip;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;

/**
 * Zip files for the tests of this package: written by the JDK, by Commons Compress, or assembled byte by byte (for
 * what no tool writes: odd orders, prefixes, junk, overlaps); byte patching at offsets found by walking the
 * archive's own records; and the entries as other readers see them, to compare with.
 */
final class ZipFixtures {

    /** The modification time every fixture entry has. */
    static final LocalDateTime TIME = LocalDateTime.of(2020, 5, 17, 13, 45, 22);
    /** {@link #TIME} in MS-DOS form, worked out by hand: date 0x50B1 (40, 5, 17), time 0x6DAB (13, 45, 22 / 2). */
    static final int DOS_TIME = 0x50B16DAB;
    /** A non-ASCII entry name: two-, three- and four-byte UTF-8 sequences. */
    static final String UNICODE_NAME = "données/名前-\uD83D\uDE00.txt";
    /** What {@code cat launcher.sh app.jar > app} puts before the jar. */
    static final byte[] LAUNCHER = ("#!/bin/sh\nexec java -jar \"$0\" \"$@\"\nexit 1\n")
            .getBytes(StandardCharsets.US_ASCII);

    private ZipFixtures() {
    }

    // ---- contents ----

    /** Compressible text, the same for the same seed. */
    static byte[] text(int seed, int length) {
        String[] words = {"patch", "site", "linker ", "zip\n", "entry ", "class ", "jar ", "deflate ", "central "};
        Random random = new Random(seed);
        StringBuilder out = new StringBuilder(length + 16);
        while (out.length() < length) {
            out.append(words[random.nextInt(words.length)]);
        }
        out.setLength(length);
        return out.toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Incompressible bytes, the same for the same seed. */
    static byte[] random(int seed, int length) {
        byte[] bytes = new byte[length];
        new Random(seed).nextBytes(bytes);
        return bytes;
    }

    /**
     * The entries of a small jar in the order a tool writes them: a manifest, directories, a binary "class", a long
     * text, an empty file, and a file with a non-ASCII name.
     */
    static Map<String, byte[]> sampleEntries() {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("META-INF/MANIFEST.MF",
                "Manifest-Version: 1.0\r\nCreated-By: ZipFixtures\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
        entries.put("dev/", new byte[0]);
        entries.put("dev/patchsite/", new byte[0]);
        entries.put("dev/patchsite/Sample.class", random(1, 3000));
        entries.put("dev/patchsite/notes.txt", text(2, 40_000));
        entries.put("empty.txt", new byte[0]);
        entries.put(UNICODE_NAME, text(3, 300));
        return entries;
    }

    static long crc(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    /** Raw deflate (no zlib header) at the default level. */
    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[1024];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    /** Computes an MS-DOS date and time, time in the low half, from its parts. */
    static int dosTime(LocalDateTime time) {
        return (time.getYear() - 1980) << 25 | time.getMonthValue() << 21 | time.getDayOfMonth() << 16
                | time.getHour() << 11 | time.getMinute() << 5 | time.getSecond() >> 1;
    }

    // ---- writers ----

    /**
     * Writes a zip with {@link ZipOutputStream}: deflated entries (sizes in a data descriptor after the data), or,
     * with {@code stored}, every entry stored with its sizes and CRC in its local header.
     */
    static Path jdkZip(Path file, Map<String, byte[]> entries, boolean stored) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(Files.newOutputStream(file)))) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipEntry entry = new ZipEntry(e.getKey());
                entry.setTimeLocal(TIME);
                if (stored) {
                    entry.setMethod(ZipEntry.STORED);
                    entry.setSize(e.getValue().length);
                    entry.setCompressedSize(e.getValue().length);
                    entry.setCrc(crc(e.getValue()));
                }
                out.putNextEntry(entry);
                out.write(e.getValue());
                out.closeEntry();
            }
        }
        return file;
    }

    /**
     * Writes a zip with Commons Compress. Written to a file, deflated entries get their sizes in the local header
     * (Commons seeks back); written to a stream, they get data descriptors.
     */
    static Path commonsZip(Path file, Map<String, byte[]> entries, Zip64Mode mode, boolean seekable)
            throws IOException {
        try (ZipArchiveOutputStream out = seekable ? new ZipArchiveOutputStream(file)
                : new ZipArchiveOutputStream(Files.newOutputStream(file))) {
            out.setUseZip64(mode);
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                ZipArchiveEntry entry = new ZipArchiveEntry(e.getKey());
                entry.setTime(TIME.atZone(ZoneId.systemDefault()).toInstant().toEpochMilli());
                out.putArchiveEntry(entry);
                out.write(e.getValue());
                out.closeArchiveEntry();
            }
        }
        return file;
    }

    /** Writes a zip of {@code count} empty stored entries named {@code prefix + i} with ZipOutputStream. */
    static Path manyEntries(Path file, int count, String prefix) throws IOException {
        try (ZipOutputStream out = new ZipOutputStream(new BufferedOutputStream(
                Files.newOutputStream(file), 1 << 16))) {
            for (int i = 0; i < count; i++) {
                ZipEntry entry = new ZipEntry(prefix + i);
                entry.setMethod(ZipEntry.STORED);
                entry.setSize(0);
                entry.setCompressedSize(0);
                entry.setCrc(0);
                entry.setTimeLocal(TIME);
                out.putNextEntry(entry);
                out.closeEntry();
            }
        }
        return file;
    }

    // ---- assembled by hand ----

    /** One entry of an archive assembled by {@link #assemble}; fields are set to make it valid, then changed. */
    static final class RawEntry {
        String name;
        int method;
        int flags;
        int dosTime = DOS_TIME;
        long crc;
        long size;
        byte[] data;
        byte[] localExtra = new byte[0];
        byte[] centralExtra = new byte[0];
        byte[] comment = new byte[0];
        /** Whether the descriptor starts with its optional signature. */
        boolean signedDescriptor = true;
        /** Whether the descriptor's sizes are 8 bytes, with a zip64 field in the local header to say so. */
        boolean zip64Descriptor;
        /** Bytes after the data (and descriptor): junk no entry owns. */
        byte[] after = new byte[0];

        private RawEntry(String name, int method, byte[] contents, byte[] data) {
            this.name = name;
            this.method = method;
            this.crc = crc(contents);
            this.size = contents.length;
            this.data = data;
        }

        static RawEntry stored(String name, byte[] contents) {
            return new RawEntry(name, 0, contents, contents);
        }

        static RawEntry deflated(String name, byte[] contents) {
            return new RawEntry(name, 8, contents, deflate(contents));
        }

        /** An entry with the given method and compressed data. */
        static RawEntry of(String name, int method, byte[] contents, byte[] data) {
            return new RawEntry(name, method, contents, data);
        }

        /** Sets the data descriptor flag: the local header has zeros, a signed descriptor follows the data. */
        RawEntry withDescriptor() {
            flags |= 8;
            return this;
        }

        /** Sets the data descriptor flag with a descriptor of the given form. */
        RawEntry withDescriptor(boolean signed, boolean zip64) {
            flags |= 8;
            signedDescriptor = signed;
            zip64Descriptor = zip64;
            if (zip64) {
                byte[] block = new byte[4 + 16];
                put16(block, 0, 1);
                put16(block, 2, 16);
                localExtra = block;
            }
            return this;
        }

        RawEntry localExtra(byte[] extra) {
            localExtra = extra;
            return this;
        }

        RawEntry centralExtra(byte[] extra) {
            centralExtra = extra;
            return this;
        }

        RawEntry comment(byte[] text) {
            comment = text;
            return this;
        }

        RawEntry after(byte[] junk) {
            after = junk;
            return this;
        }
    }

    /**
     * Assembles a zip: {@code prefix}, then each entry's local header, data, descriptor and junk in the given order,
     * then the central directory listing them in {@code centralOrder} (null: data order), then the end record with
     * the comment. Offsets do not count the prefix, as with {@code cat prefix app.jar}.
     */
    static byte[] assemble(byte[] prefix, List<RawEntry> entries, int[] centralOrder, byte[] comment) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        long[] offsets = new long[entries.size()];
        for (int i = 0; i < entries.size(); i++) {
            RawEntry e = entries.get(i);
            offsets[i] = body.size();
            byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
            boolean descriptor = (e.flags & 8) != 0;
            byte[] local = new byte[30];
            put32(local, 0, 0x04034b50);
            put16(local, 4, 20);
            put16(local, 6, e.flags);
            put16(local, 8, e.method);
            put32(local, 10, e.dosTime);
            put32(local, 14, descriptor ? 0 : e.crc);
            put32(local, 18, descriptor ? 0 : e.data.length);
            put32(local, 22, descriptor ? 0 : e.size);
            put16(local, 26, name.length);
            put16(local, 28, e.localExtra.length);
            body.writeBytes(local);
            body.writeBytes(name);
            body.writeBytes(e.localExtra);
            body.writeBytes(e.data);
            if (descriptor) {
                int sizeLength = e.zip64Descriptor ? 8 : 4;
                byte[] d = new byte[4 + 4 + 2 * sizeLength];
                put32(d, 0, 0x08074b50);
                put32(d, 4, e.crc);
                if (e.zip64Descriptor) {
                    put64(d, 8, e.data.length);
                    put64(d, 16, e.size);
                } else {
                    put32(d, 8, e.data.length);
                    put32(d, 12, e.size);
                }
                body.write(d, e.signedDescriptor ? 0 : 4, d.length - (e.signedDescriptor ? 0 : 4));
            }
            body.writeBytes(e.after);
        }
        long centralStart = body.size();
        int[] order = centralOrder;
        if (order == null) {
            order = new int[entries.size()];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
        }
        for (int i : order) {
            body.writeBytes(centralRecord(entries.get(i), offsets[i]));
        }
        long centralSize = body.size() - centralStart;
        byte[] end = new byte[22];
        put32(end, 0, 0x06054b50);
        put16(end, 8, order.length);
        put16(end, 10, order.length);
        put32(end, 12, centralSize);
        put32(end, 16, centralStart);
        put16(end, 20, comment.length);
        body.writeBytes(end);
        body.writeBytes(comment);
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(prefix);
        all.writeBytes(body.toByteArray());
        return all.toByteArray();
    }

    static byte[] assemble(RawEntry... entries) {
        return assemble(new byte[0], List.of(entries), null, new byte[0]);
    }

    private static byte[] centralRecord(RawEntry e, long offset) {
        byte[] name = e.name.getBytes(StandardCharsets.UTF_8);
        byte[] record = new byte[46 + name.length + e.centralExtra.length + e.comment.length];
        put32(record, 0, 0x02014b50);
        put16(record, 4, 20);
        put16(record, 6, 20);
        put16(record, 8, e.flags);
        put16(record, 10, e.method);
        put32(record, 12, e.dosTime);
        put32(record, 16, e.crc);
        put32(record, 20, e.data.length);
        put32(record, 24, e.size);
        put16(record, 28, name.length);
        put16(record, 30, e.centralExtra.length);
        put16(record, 32, e.comment.length);
        put32(record, 42, offset);
        System.arraycopy(name, 0, record, 46, name.length);
        System.arraycopy(e.centralExtra, 0, record, 46 + name.length, e.centralExtra.length);
        System.arraycopy(e.comment, 0, record, 46 + name.length + e.centralExtra.length, e.comment.length);
        return record;
    }

    // ---- finding and patching records ----

    /** Where the end of central directory record is: the last signature that leaves room for the record. */
    static int endRecord(byte[] zip) {
        for (int at = zip.length - 22; at >= 0; at--) {
            if (u32(zip, at) == 0x06054b50L) {
                return at;
            }
        }
        throw new AssertionError("no end record");
    }

    /** Where the zip64 end record is, by its locator, or -1. */
    static int zip64EndRecord(byte[] zip) {
        int locator = endRecord(zip) - 20;
        if (locator < 0 || u32(zip, locator) != 0x07064b50L) {
            return -1;
        }
        return (int) u64(zip, locator + 8);
    }

    /** Where the central directory starts in a zip without a prefix. */
    static int centralStart(byte[] zip) {
        int zip64 = zip64EndRecord(zip);
        return zip64 >= 0 ? (int) u64(zip, zip64 + 48) : (int) u32(zip, endRecord(zip) + 16);
    }

    /** Where each central directory record is, in directory order, in a zip without a prefix. */
    static int[] centralRecords(byte[] zip) {
        int zip64 = zip64EndRecord(zip);
        int count = zip64 >= 0 ? (int) u64(zip, zip64 + 32) : u16(zip, endRecord(zip) + 10);
        int[] records = new int[count];
        int at = centralStart(zip);
        for (int i = 0; i < count; i++) {
            if (u32(zip, at) != 0x02014b50L) {
                throw new AssertionError("no central record " + i + " at " + at);
            }
            records[i] = at;
            at += 46 + u16(zip, at + 28) + u16(zip, at + 30) + u16(zip, at + 32);
        }
        return records;
    }

    /** Where the local header of the entry listed {@code entry}th in the directory is (no zip64 offset). */
    static int localHeader(byte[] zip, int entry) {
        return (int) u32(zip, centralRecords(zip)[entry] + 42);
    }

    static int u16(byte[] b, int at) {
        return (b[at] & 0xff) | (b[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] b, int at) {
        return u16(b, at) | (long) u16(b, at + 2) << 16;
    }

    static long u64(byte[] b, int at) {
        return u32(b, at) | u32(b, at + 4) << 32;
    }

    static void put16(byte[] b, int at, int value) {
        b[at] = (byte) value;
        b[at + 1] = (byte) (value >>> 8);
    }

    static void put32(byte[] b, int at, long value) {
        put16(b, at, (int) value);
        put16(b, at + 2, (int) (value >>> 16));
    }

    static void put64(byte[] b, int at, long value) {
        put32(b, at, value);
        put32(b, at + 4, value >>> 32);
    }

    /**
     * Asserts that a central record passes the checks JDK 25's {@code ZipFile} makes of its extra field
     * ({@code ZipFile$Source.checkExtraFields}, {@code checkZip64ExtraFieldValues}): every block lies within the
     * field; a zip64 block holds exactly 8 bytes for each of the sizes and offset that read {@code 0xFFFFFFFF} and 4
     * for a disk number that reads {@code 0xFFFF} (JDK 17 accepts 8, 16, 24 or 28 bytes whatever the record says), or
     * nothing when none does, and no value it holds is negative; and a record without extra field says no
     * {@code 0xFFFFFFFF}. A record that fails them makes the JVM refuse the whole jar.
     */
    static void assertJdk25AcceptsExtraField(byte[] record, String what) {
        int nameLength = u16(record, 28);
        int start = 46 + nameLength;
        int end = start + u16(record, 30);
        long size = u32(record, 24);
        long compressed = u32(record, 20);
        long offset = u32(record, 42);
        int expected = (size == 0xFFFFFFFFL ? 8 : 0) + (compressed == 0xFFFFFFFFL ? 8 : 0)
                + (offset == 0xFFFFFFFFL ? 8 : 0) + (u16(record, 34) == 0xFFFF ? 4 : 0);
        boolean zip64 = false;
        for (int at = start; at + 4 <= end; ) {
            int length = u16(record, at + 2);
            assertTrue(at + 4 + length <= end, what + ": an extra block runs past the extra field");
            if (u16(record, at) == 1) {
                zip64 = true;
                assertTrue(length == 0 ? expected == 0 : length == expected,
                        what + ": a zip64 block of " + length + " bytes where JDK 25 wants " + expected);
                for (int value = at + 4; value + 8 <= at + 4 + Math.min(length, 24); value += 8) {
                    assertTrue(u64(record, value) >= 0, what + ": a negative zip64 value");
                }
            }
            at += 4 + length;
        }
        assertTrue(zip64 || end > start || expected == 0, what + ": 0xFFFFFFFF without a zip64 block");
    }

    /** Writes bytes to a file in the directory and returns it. */
    static Path write(Path dir, String name, byte[] bytes) throws IOException {
        return Files.write(dir.resolve(name), bytes);
    }

    // ---- reading back with other readers ----

    /**
     * One entry as a reader sees it: name and a digest of the contents it read.
     *
     * @param name the entry's name
     * @param size how many bytes were read
     * @param sha256 their digest
     */
    record Item(String name, int size, String sha256) {
        static Item of(String name, byte[] bytes) {
            try {
                return new Item(name, bytes.length,
                        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)));
            } catch (NoSuchAlgorithmException e) {
                throw new AssertionError(e);
            }
        }
    }

    static List<Item> items(Map<String, byte[]> entries) {
        List<Item> items = new ArrayList<>();
        entries.forEach((name, bytes) -> items.add(Item.of(name, bytes)));
        return items;
    }

    /** Every entry in central directory order, read by {@link ZipFile}. */
    static List<Item> readWithZipFile(Path zip) throws IOException {
        List<Item> items = new ArrayList<>();
        try (ZipFile file = new ZipFile(zip.toFile())) {
            for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                try (InputStream in = file.getInputStream(entry)) {
                    items.add(Item.of(entry.getName(), in.readAllBytes()));
                }
            }
        }
        return items;
    }

    /** What JDK 25's {@code ZipFile} says of Commons Compress's zip64 fields in {@code Zip64Mode.Always}. */
    static final String JDK25_ZIP64_REFUSAL = "Invalid CEN header (invalid zip64 extra data field size)";

    /**
     * Every entry in the order of the directory, read by the JDK's {@link ZipFile}, of an archive that Commons
     * Compress wrote in {@code Zip64Mode.Always}; or null if this JDK refuses its zip64 fields, as JDK 25 does (28
     * bytes where its sizes and offset call for 24: see {@link #assertJdk25AcceptsExtraField}), and only then.
     */
    static List<Item> readWithZipFileUnlessZip64Refused(Path zip) throws IOException {
        try {
            return readWithZipFile(zip);
        } catch (ZipException e) {
            if (!JDK25_ZIP64_REFUSAL.equals(e.getMessage())) {
                throw e;
            }
            return null;
        }
    }

    /** Every entry in file order, read by {@link ZipInputStream}, which checks each entry's CRC and sizes. */
    static List<Item> readWithZipInputStream(Path zip) throws IOException {
        List<Item> items = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                items.add(Item.of(entry.getName(), in.readAllBytes()));
            }
        }
        return items;
    }

    /** Every entry in physical order, read by {@link ZipArchive#read}. */
    static List<Item> readWithArchive(ZipArchive archive) throws IOException {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            items.add(Item.of(archive.name(i), archive.read(i)));
        }
        return items;
    }

    static List<Item> readWithArchive(Path zip) throws IOException {
        try (ZipArchive archive = ZipArchive.open(zip)) {
            return readWithArchive(archive);
        }
    }

    /** Every entry in physical order, read through {@link ZipArchive#open} in small pieces. */
    static List<Item> streamWithArchive(ZipArchive archive) throws IOException {
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (InputStream in = archive.open(i)) {
                byte[] buffer = new byte[7];
                for (int n; (n = in.read(buffer, 0, buffer.length)) >= 0; ) {
                    bytes.write(buffer, 0, n);
                }
            }
            items.add(Item.of(archive.name(i), bytes.toByteArray()));
        }
        return items;
    }

    static List<String> names(ZipArchive archive) {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < archive.size(); i++) {
            names.add(archive.name(i));
        }
        return names;
    }

    /** Deflates bytes at the default level with a deflater of its own, ended afterwards. */
    static Deflated deflated(byte[] bytes) {
        java.util.zip.Deflater deflater = new java.util.zip.Deflater(java.util.zip.Deflater.DEFAULT_COMPRESSION, true);
        try {
            return Deflated.of(bytes, deflater);
        } finally {
            deflater.end();
        }
    }
}
