package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipArchiveTest.bytes;
import static dev.patchsite.linker.internal.zip.ZipFixtures.DOS_TIME;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u16;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u32;
import static dev.patchsite.linker.internal.zip.ZipFixtures.u64;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.internal.zip.ZipFixtures.RawEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.apache.commons.compress.archivers.zip.Zip64Mode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;

/**
 * The central records {@link ZipWriter} writes, byte for byte, including the zip64 cases a test cannot reach by
 * writing 4 GiB: an added entry's record is plain below 4 GiB and has a zip64 extra field holding only its offset
 * from {@code 0xFFFFFFFF} on; a copied entry's record is its old one with the new offset, its zip64 field dropped
 * when nothing needs it and holding only what does not fit otherwise, its other extra fields and comment kept.
 * {@link Zip64Extra} reads the values back in the order the format gives them. Every record written passes the
 * checks JDK 25's {@code ZipFile} makes of zip64 fields, stricter than JDK 17's, including those copied from Commons
 * Compress archives whose own fields JDK 25 refuses.
 */
class CentralRecordsTest {

    private static final byte[] CAFE_BLOCK = {(byte) 0xFE, (byte) 0xCA, 3, 0, 'x', 'y', 'z'};
    private static final byte[] COMMENT = bytes("a comment");

    @TempDir
    Path dir;


    private static ByteBuffer buffer(byte[] record) {
        return ByteBuffer.wrap(record).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void anAddedEntrysRecordIsPlainBelow4GiB() throws IOException {
        Deflated data = ZipFixtures.deflated(bytes("hello"));
        byte[] record = CentralRecords.added(bytes("a/b.txt"), DOS_TIME, data, 0xFFFFFFFEL);
        byte[] expected = new byte[46 + 7];
        ZipFixtures.put32(expected, 0, 0x02014b50L);
        ZipFixtures.put16(expected, 4, 20);
        ZipFixtures.put16(expected, 6, 20);
        ZipFixtures.put16(expected, 10, 8);
        ZipFixtures.put32(expected, 12, DOS_TIME);
        ZipFixtures.put32(expected, 16, 0x3610a686L);
        ZipFixtures.put32(expected, 20, data.data().length);
        ZipFixtures.put32(expected, 24, 5);
        ZipFixtures.put16(expected, 28, 7);
        ZipFixtures.put32(expected, 42, 0xFFFFFFFEL);
        System.arraycopy(bytes("a/b.txt"), 0, expected, 46, 7);
        assertArrayEquals(expected, record);
        ZipFixtures.assertJdk25AcceptsExtraField(record, "added");
    }

    @Test
    void anAddedEntrysRecordHasAZip64OffsetFrom0xFFFFFFFFOn() throws IOException {
        Deflated data = ZipFixtures.deflated(bytes("hello"));
        for (long offset : new long[] {0xFFFFFFFFL, 0x100000000L, 5L << 40}) {
            byte[] record = CentralRecords.added(bytes("é"), DOS_TIME, data, offset);
            assertEquals(46 + 2 + 12, record.length);
            assertEquals(20, u16(record, 4));
            assertEquals(45, u16(record, 6), "version needed to extract");
            assertEquals(0x0800, u16(record, 8));
            assertEquals(data.data().length, u32(record, 20));
            assertEquals(5, u32(record, 24));
            assertEquals(2, u16(record, 28));
            assertEquals(12, u16(record, 30));
            assertEquals(0xFFFFFFFFL, u32(record, 42));
            assertEquals(1, u16(record, 48));
            assertEquals(8, u16(record, 50));
            assertEquals(offset, u64(record, 52));
            assertEquals(offset, Zip64Extra.value(buffer(record), 0, ZipFormat.CEN_OFFSET));
            ZipFixtures.assertJdk25AcceptsExtraField(record, "added at " + offset);
        }
    }

    private ZipArchive handMade() throws IOException {
        byte[] zip = ZipFixtures.assemble(
                RawEntry.stored("a.txt", bytes("alpha")),
                RawEntry.deflated("b.txt", ZipFixtures.text(3, 1000)).centralExtra(CAFE_BLOCK).comment(COMMENT));
        return ZipArchive.open(ZipFixtures.write(dir, "hand.zip", zip));
    }

    @Test
    void aCopiedRecordIsTheOldOneWithTheNewOffset() throws IOException {
        try (ZipArchive from = handMade()) {
            byte[] before = from.centralRecord(1);
            byte[] after = CentralRecords.moved(from, 1, 0xFFFFFFFEL);
            ZipFixtures.put32(before, 42, 0xFFFFFFFEL);
            assertArrayEquals(before, after);
            assertEquals(46 + 5 + CAFE_BLOCK.length + COMMENT.length, after.length);
        }
    }

    @Test
    void aCopiedRecordGetsAZip64OffsetBeyond4GiBAndKeepsItsOtherExtraFieldsAndComment() throws IOException {
        try (ZipArchive from = handMade()) {
            byte[] before = from.centralRecord(1);
            long offset = 0x1_2345_6789L;
            byte[] after = CentralRecords.moved(from, 1, offset);
            ByteArrayOutputStream expected = new ByteArrayOutputStream();
            byte[] head = Arrays.copyOf(before, 46 + 5);
            ZipFixtures.put16(head, 6, 45);
            ZipFixtures.put16(head, 30, 12 + CAFE_BLOCK.length);
            ZipFixtures.put32(head, 42, 0xFFFFFFFFL);
            expected.writeBytes(head);
            byte[] zip64 = new byte[12];
            ZipFixtures.put16(zip64, 0, 1);
            ZipFixtures.put16(zip64, 2, 8);
            ZipFixtures.put64(zip64, 4, offset);
            expected.writeBytes(zip64);
            expected.writeBytes(CAFE_BLOCK);
            expected.writeBytes(COMMENT);
            assertArrayEquals(expected.toByteArray(), after);
            assertEquals(offset, Zip64Extra.value(buffer(after), 0, ZipFormat.CEN_OFFSET));
            ZipFixtures.assertJdk25AcceptsExtraField(after, "copied beyond 4 GiB");
        }
    }

    @Test
    void aCopiedRecordSaysDiskZero() throws IOException {
        byte[] zip = ZipFixtures.assemble(RawEntry.stored("a.txt", bytes("alpha")));
        ZipFixtures.put16(zip, ZipFixtures.centralRecords(zip)[0] + 34, 3);
        try (ZipArchive from = ZipArchive.open(ZipFixtures.write(dir, "disk.zip", zip))) {
            assertEquals(3, u16(from.centralRecord(0), 34));
            assertEquals(0, u16(CentralRecords.moved(from, 0, 10), 34));
            assertEquals(0, u16(CentralRecords.moved(from, 0, 10L << 32), 34));
        }
    }

    @Test
    void aCopiedZip64RecordLosesItsZip64FieldWhenNothingNeedsIt() throws IOException {
        Path zip = ZipFixtures.commonsZip(dir.resolve("z.jar"), ZipFixtures.sampleEntries(), Zip64Mode.Always, true);
        try (ZipArchive from = ZipArchive.open(zip)) {
            for (int i = 0; i < from.size(); i++) {
                byte[] before = from.centralRecord(i);
                byte[] after = CentralRecords.moved(from, i, 1234);
                String name = from.name(i);
                assertThrows(AssertionFailedError.class, () -> ZipFixtures.assertJdk25AcceptsExtraField(before, name));
                int nameLength = u16(before, 28);
                byte[] otherExtra = withoutZip64(before);
                assertEquals(46 + nameLength + otherExtra.length + u16(before, 32), after.length, from.name(i));
                assertEquals(otherExtra.length, u16(after, 30), from.name(i));
                assertArrayEquals(otherExtra, Arrays.copyOfRange(after, 46 + nameLength,
                        46 + nameLength + otherExtra.length), from.name(i));
                assertEquals(from.compressedSize(i), u32(after, 20), from.name(i));
                assertEquals(from.size(i), u32(after, 24), from.name(i));
                assertEquals(1234, u32(after, 42), from.name(i));
                assertEquals(-1, Zip64Extra.find(buffer(after), 0), from.name(i));
                // Everything else is as it was.
                assertArrayEquals(Arrays.copyOfRange(before, 0, 20), Arrays.copyOfRange(after, 0, 20));
                assertArrayEquals(Arrays.copyOfRange(before, 46, 46 + nameLength),
                        Arrays.copyOfRange(after, 46, 46 + nameLength));
                assertEquals(from.name(i), new String(after, 46, nameLength, StandardCharsets.UTF_8));
                // Commons' zip64 field, which JDK 25 refuses, is not carried into the output.
                ZipFixtures.assertJdk25AcceptsExtraField(after, from.name(i));
            }
        }
    }

    @Test
    void aCopiedZip64RecordBeyond4GiBHoldsOnlyItsOffsetInTheZip64Field() throws IOException {
        Path zip = ZipFixtures.commonsZip(dir.resolve("z.jar"), ZipFixtures.sampleEntries(), Zip64Mode.Always, true);
        try (ZipArchive from = ZipArchive.open(zip)) {
            int i = from.find("dev/patchsite/notes.txt");
            byte[] after = CentralRecords.moved(from, i, 6L << 32);
            int extra = 46 + u16(after, 28);
            assertEquals(1, u16(after, extra));
            assertEquals(8, u16(after, extra + 2));
            assertEquals(6L << 32, u64(after, extra + 4));
            assertEquals(0xFFFFFFFFL, u32(after, 42));
            assertEquals(40_000, u32(after, 24));
            assertEquals(from.compressedSize(i), u32(after, 20));
            assertEquals(6L << 32, Zip64Extra.value(buffer(after), 0, ZipFormat.CEN_OFFSET));
            ZipFixtures.assertJdk25AcceptsExtraField(after, from.name(i));
        }
    }

    /** A record's extra field without its zip64 block. */
    private static byte[] withoutZip64(byte[] record) {
        int start = 46 + u16(record, 28);
        int end = start + u16(record, 30);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int at = start; at < end; at += 4 + u16(record, at + 2)) {
            if (u16(record, at) != 1) {
                out.write(record, at, 4 + u16(record, at + 2));
            }
        }
        return out.toByteArray();
    }

    @Test
    void zip64ValuesAreReadInTheFormatsOrder() {
        // Size and offset read 0xFFFFFFFF, the compressed size does not: the field holds size, then offset.
        byte[] record = new byte[46 + 1 + 4 + 16];
        ZipFixtures.put32(record, 0, 0x02014b50L);
        ZipFixtures.put32(record, 20, 77);
        ZipFixtures.put32(record, 24, 0xFFFFFFFFL);
        ZipFixtures.put16(record, 28, 1);
        ZipFixtures.put16(record, 30, 4 + 16);
        ZipFixtures.put32(record, 42, 0xFFFFFFFFL);
        ZipFixtures.put16(record, 47, 1);
        ZipFixtures.put16(record, 49, 16);
        ZipFixtures.put64(record, 51, 0x1_0000_0001L);
        ZipFixtures.put64(record, 59, 0x2_0000_0002L);
        ByteBuffer buffer = buffer(record);
        assertEquals(51, Zip64Extra.find(buffer, 0));
        assertEquals(0x1_0000_0001L, Zip64Extra.value(buffer, 0, ZipFormat.CEN_SIZE));
        assertEquals(0x2_0000_0002L, Zip64Extra.value(buffer, 0, ZipFormat.CEN_OFFSET));
        // A block that runs past the extra field is no block.
        ZipFixtures.put16(record, 49, 17);
        assertEquals(-1, Zip64Extra.find(buffer(record), 0));
        CorruptArchiveException e = assertThrows(CorruptArchiveException.class,
                () -> Zip64Extra.value(buffer(record), 0, ZipFormat.CEN_SIZE));
        assertEquals("a zip64 size or offset is missing from its extra field", e.getMessage());
        // Too short a block for the value asked for.
        ZipFixtures.put16(record, 49, 8);
        ZipFixtures.put16(record, 30, 4 + 8);
        byte[] shorter = Arrays.copyOf(record, 46 + 1 + 4 + 8);
        assertEquals(0x1_0000_0001L, Zip64Extra.value(buffer(shorter), 0, ZipFormat.CEN_SIZE));
        e = assertThrows(CorruptArchiveException.class,
                () -> Zip64Extra.value(buffer(shorter), 0, ZipFormat.CEN_OFFSET));
        assertEquals("a zip64 size or offset is missing from its extra field", e.getMessage());
        assertTrue(Zip64Extra.find(buffer(shorter), 0) > 0);
    }
}
