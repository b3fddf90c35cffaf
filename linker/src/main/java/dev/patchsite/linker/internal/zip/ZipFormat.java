package dev.patchsite.linker.internal.zip;

import java.nio.ByteBuffer;

/**
 * The parts of the zip format (PKWARE's APPNOTE) that reading and raw copying use: record signatures, field offsets
 * and little-endian access.
 */
final class ZipFormat {

    static final int LOCAL_SIGNATURE = 0x04034b50;
    static final int CENTRAL_SIGNATURE = 0x02014b50;
    static final int END_SIGNATURE = 0x06054b50;
    static final int ZIP64_END_SIGNATURE = 0x06064b50;
    static final int ZIP64_LOCATOR_SIGNATURE = 0x07064b50;
    static final int DESCRIPTOR_SIGNATURE = 0x08074b50;

    /** Fixed part of a local file header. */
    static final int LOCAL_HEADER = 30;
    /** Fixed part of a central directory record. */
    static final int CENTRAL_HEADER = 46;
    static final int END_RECORD = 22;
    static final int ZIP64_END_RECORD = 56;
    static final int ZIP64_LOCATOR = 20;
    static final int ZIP64_EXTRA = 0x0001;

    static final int FLAG_ENCRYPTED = 1;
    static final int FLAG_DESCRIPTOR = 1 << 3;
    static final int FLAG_UTF8 = 1 << 11;

    // Offsets in a central directory record.
    static final int CEN_FLAGS = 8;
    static final int CEN_METHOD = 10;
    static final int CEN_TIME = 12;
    static final int CEN_CRC = 16;
    static final int CEN_COMPRESSED = 20;
    static final int CEN_SIZE = 24;
    static final int CEN_NAME_LENGTH = 28;
    static final int CEN_EXTRA_LENGTH = 30;
    static final int CEN_COMMENT_LENGTH = 32;
    static final int CEN_DISK = 34;
    static final int CEN_OFFSET = 42;

    // Offsets in a local file header.
    static final int LOC_NAME_LENGTH = 26;
    static final int LOC_EXTRA_LENGTH = 28;

    /** A 32-bit field that says "see the zip64 extra field". */
    static final long MASK32 = 0xFFFFFFFFL;
    static final int MASK16 = 0xFFFF;

    private ZipFormat() {
    }

    /** Reads a u2 of a buffer in little-endian order. */
    static int u16(ByteBuffer buffer, int at) {
        return buffer.getShort(at) & MASK16;
    }

    /** Reads a u4 of a buffer in little-endian order. */
    static long u32(ByteBuffer buffer, int at) {
        return buffer.getInt(at) & MASK32;
    }

    /** Reads a u8 of a buffer in little-endian order; a value above {@code Long.MAX_VALUE} reads as negative. */
    static long u64(ByteBuffer buffer, int at) {
        return buffer.getLong(at);
    }

    static int u16(byte[] bytes, int at) {
        return (bytes[at] & 0xff) | (bytes[at + 1] & 0xff) << 8;
    }

    static long u32(byte[] bytes, int at) {
        return u16(bytes, at) | (long) u16(bytes, at + 2) << 16;
    }

    static void put16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
    }

    static void put32(byte[] bytes, int at, long value) {
        put16(bytes, at, (int) value);
        put16(bytes, at + 2, (int) (value >>> 16));
    }

    static void put64(byte[] bytes, int at, long value) {
        put32(bytes, at, value);
        put32(bytes, at + 4, value >>> 32);
    }
}
