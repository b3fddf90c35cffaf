package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_HEADER;
import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_COMMENT_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_COMPRESSED;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_CRC;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_DISK;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_EXTRA_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_FLAGS;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_METHOD;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_NAME_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_OFFSET;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_SIZE;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_TIME;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK16;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK32;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_EXTRA;
import static dev.patchsite.linker.internal.zip.ZipFormat.put16;
import static dev.patchsite.linker.internal.zip.ZipFormat.put32;
import static dev.patchsite.linker.internal.zip.ZipFormat.put64;
import static dev.patchsite.linker.internal.zip.ZipFormat.u16;

import java.io.ByteArrayOutputStream;
import java.util.zip.ZipException;

/**
 * Central directory records for the entries a {@link ZipWriter} writes: a copied entry keeps its record byte for
 * byte but for where its local header now is; an added entry gets a plain one. A zip64 extra field is written only
 * for a value that does not fit 32 bits, and holds exactly those values: JDK 25's {@code ZipFile} refuses a jar
 * whose zip64 field holds more than its record's {@code 0xFFFFFFFF} fields call for (Commons Compress writes all
 * four values in {@code Zip64Mode.Always}, which JDK 17 and this reader accept), so a copied record's field is
 * rewritten, or dropped, rather than kept.
 */
final class CentralRecords {

    private static final int VERSION = 20;
    private static final int VERSION_ZIP64 = 45;
    private static final int CEN_VERSION_NEEDED = 6;

    private CentralRecords() {
    }

    /** The record of an entry copied from another archive, now at the given offset. */
    static byte[] moved(ZipArchive from, int entry, long offset) throws ZipException {
        byte[] record = from.centralRecord(entry);
        if (offset < MASK32 && !from.hasZip64Extra(entry)) {
            put32(record, CEN_OFFSET, offset);
            put16(record, CEN_DISK, 0);
            return record;
        }
        return withZip64(record, from.size(entry), from.compressedSize(entry), offset);
    }

    /** The record of an entry deflated by the writer. */
    static byte[] added(byte[] name, int dosTime, Deflated data, long offset) throws ZipException {
        return added(name, dosTime, Decompression.DEFLATED, data.crc(), data.data().length, data.size(), offset);
    }

    /** The record of an entry the writer adds, whose method, CRC and sizes (below 4 GiB) are known. */
    static byte[] added(byte[] name, int dosTime, int method, long crc, long compressed, long size, long offset)
            throws ZipException {
        byte[] record = new byte[CENTRAL_HEADER + name.length];
        put32(record, 0, CENTRAL_SIGNATURE);
        put16(record, 4, VERSION);
        put16(record, CEN_VERSION_NEEDED, VERSION);
        put16(record, CEN_FLAGS, LocalHeaders.flags(name));
        put16(record, CEN_METHOD, method);
        put32(record, CEN_TIME, dosTime);
        put32(record, CEN_CRC, crc);
        put32(record, CEN_COMPRESSED, compressed);
        put32(record, CEN_SIZE, size);
        put16(record, CEN_NAME_LENGTH, name.length);
        System.arraycopy(name, 0, record, CENTRAL_HEADER, name.length);
        return offset < MASK32 ? withOffset(record, offset)
                : withZip64(record, size, compressed, offset);
    }

    private static byte[] withOffset(byte[] record, long offset) {
        put32(record, CEN_OFFSET, offset);
        return record;
    }

    /**
     * Rewrites a record's sizes and offset, any of them in a zip64 extra field that replaces the record's own, the
     * other extra fields and the comment kept.
     */
    private static byte[] withZip64(byte[] record, long size, long compressed, long offset) throws ZipException {
        int nameLength = u16(record, CEN_NAME_LENGTH);
        int extraStart = CENTRAL_HEADER + nameLength;
        int extraLength = u16(record, CEN_EXTRA_LENGTH);
        int commentLength = u16(record, CEN_COMMENT_LENGTH);
        ByteArrayOutputStream extra = new ByteArrayOutputStream();
        long[] values = {size, compressed, offset};
        int[] fields = {CEN_SIZE, CEN_COMPRESSED, CEN_OFFSET};
        byte[] zip64 = new byte[4 + 8 * values.length];
        int length = 0;
        for (long value : values) {
            if (value >= MASK32) {
                put64(zip64, 4 + length, value);
                length += 8;
            }
        }
        if (length > 0) {
            put16(zip64, 0, ZIP64_EXTRA);
            put16(zip64, 2, length);
            extra.write(zip64, 0, 4 + length);
        }
        for (int at = extraStart; at + 4 <= extraStart + extraLength; ) {
            int blockLength = 4 + u16(record, at + 2);
            if (u16(record, at) != ZIP64_EXTRA) {
                extra.write(record, at, Math.min(blockLength, extraStart + extraLength - at));
            }
            at += blockLength;
        }
        if (extra.size() > MASK16) {
            throw new ZipException("extra field too long for a zip64 record");
        }
        byte[] rewritten = new byte[extraStart + extra.size() + commentLength];
        System.arraycopy(record, 0, rewritten, 0, extraStart);
        byte[] extraBytes = extra.toByteArray();
        System.arraycopy(extraBytes, 0, rewritten, extraStart, extraBytes.length);
        System.arraycopy(record, extraStart + extraLength, rewritten, extraStart + extra.size(), commentLength);
        put16(rewritten, CEN_EXTRA_LENGTH, extra.size());
        put16(rewritten, CEN_DISK, 0);
        for (int i = 0; i < values.length; i++) {
            put32(rewritten, fields[i], Math.min(values[i], MASK32));
        }
        if (length > 0) {
            put16(rewritten, CEN_VERSION_NEEDED, Math.max(u16(rewritten, CEN_VERSION_NEEDED), VERSION_ZIP64));
        }
        return rewritten;
    }
}
