package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_HEADER;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_COMPRESSED;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_EXTRA_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_NAME_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_OFFSET;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_SIZE;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK32;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_EXTRA;
import static dev.patchsite.linker.internal.zip.ZipFormat.u16;
import static dev.patchsite.linker.internal.zip.ZipFormat.u32;

import java.nio.ByteBuffer;

/**
 * The zip64 extended-information extra field of a central record: the 64-bit values of the size and offset fields
 * that read {@code 0xFFFFFFFF}, in the order uncompressed size, compressed size, local header offset, each present
 * only if its field says so.
 */
final class Zip64Extra {

    private Zip64Extra() {
    }

    /** Returns where the zip64 field's data starts in the buffer, or -1 if the record has none. */
    static int find(ByteBuffer central, int record) {
        int start = record + CENTRAL_HEADER + u16(central, record + CEN_NAME_LENGTH);
        return find(central, start, start + u16(central, record + CEN_EXTRA_LENGTH));
    }

    /**
     * Returns where the zip64 field's data starts among the extra fields between two positions of a buffer (a
     * central record's, or a local header's), or -1 if there is none.
     */
    static int find(ByteBuffer buffer, int start, int end) {
        int at = start;
        while (at + 4 <= end) {
            int id = u16(buffer, at);
            int length = u16(buffer, at + 2);
            if (at + 4 + length > end) {
                return -1;
            }
            if (id == ZIP64_EXTRA) {
                return at + 4;
            }
            at += 4 + length;
        }
        return -1;
    }

    /**
     * Returns the 64-bit value of a size or offset field that reads {@code 0xFFFFFFFF}.
     *
     * @throws IllegalStateException wrapped as a zip error by callers if the value is missing: the record is corrupt
     */
    static long value(ByteBuffer central, int record, int field) {
        int data = find(central, record);
        int length = data < 0 ? 0 : u16(central, data - 2);
        int index = 0;
        for (int candidate : new int[] {CEN_SIZE, CEN_COMPRESSED, CEN_OFFSET}) {
            if (candidate == field) {
                break;
            }
            if (u32(central, record + candidate) == MASK32) {
                index += 8;
            }
        }
        if (index + 8 > length) {
            throw new CorruptArchiveException("a zip64 size or offset is missing from its extra field");
        }
        long value = central.getLong(data + index);
        if (value < 0) {
            throw new CorruptArchiveException("a zip64 size or offset is out of range");
        }
        return value;
    }
}
