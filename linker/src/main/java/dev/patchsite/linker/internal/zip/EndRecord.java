package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.END_RECORD;
import static dev.patchsite.linker.internal.zip.ZipFormat.END_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK16;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK32;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_END_RECORD;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_END_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_LOCATOR;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_LOCATOR_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.u16;
import static dev.patchsite.linker.internal.zip.ZipFormat.u32;
import static dev.patchsite.linker.internal.zip.ZipFormat.u64;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.util.zip.ZipException;

/**
 * Where a zip file's central directory is, from its end record (and the zip64 end record when the counts or offsets
 * do not fit the classic one).
 *
 * @param entries how many entries the directory holds
 * @param centralStart where the directory starts in the file
 * @param centralSize its length in bytes
 * @param base what to add to the offsets the archive records: the length of anything prepended to it (a launcher
 *     script, say), which the offsets do not count
 */
record EndRecord(long entries, long centralStart, long centralSize, long base) {

    /** The end record ends the file, after a comment of at most 64 KiB. */
    private static final int MAX_TAIL = END_RECORD + MASK16 + ZIP64_LOCATOR;

    static EndRecord find(FileChannel channel, long fileSize) throws IOException {
        if (fileSize < END_RECORD) {
            throw new NotAZipFileException("not a zip file (too short)");
        }
        int tailLength = (int) Math.min(fileSize, MAX_TAIL);
        long tailStart = fileSize - tailLength;
        ByteBuffer tail = ByteBuffer.allocate(tailLength).order(ByteOrder.LITTLE_ENDIAN);
        Channels.readFully(channel, tail, tailStart);
        for (int at = tailLength - END_RECORD; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE && at + END_RECORD + u16(tail, at + 20) <= tailLength) {
                return read(channel, tail, at, tailStart);
            }
        }
        throw new NotAZipFileException("not a zip file (no end of central directory record)");
    }

    private static EndRecord read(FileChannel channel, ByteBuffer tail, int at, long tailStart) throws IOException {
        if (u16(tail, at + 4) != 0 || u16(tail, at + 6) != 0 && u16(tail, at + 6) != MASK16) {
            throw new ZipException("a split (multi-volume) archive, which jars never are");
        }
        long endPosition = tailStart + at;
        long entries = u16(tail, at + 10);
        long size = u32(tail, at + 12);
        long offset = u32(tail, at + 16);
        long directoryEnd = endPosition;
        int locator = at - ZIP64_LOCATOR;
        if (locator >= 0 && tail.getInt(locator) == ZIP64_LOCATOR_SIGNATURE) {
            // The locator says where the zip64 end record is, not counting bytes prepended to the archive; without
            // an extensible data sector, the record sits just before the locator, which finds it in that case too.
            ByteBuffer record = ByteBuffer.allocate(ZIP64_END_RECORD).order(ByteOrder.LITTLE_ENDIAN);
            long position = -1;
            for (long candidate : new long[] {u64(tail, locator + 8), endPosition - ZIP64_LOCATOR - ZIP64_END_RECORD}) {
                if (candidate >= 0 && candidate <= endPosition - ZIP64_LOCATOR - ZIP64_END_RECORD) {
                    record.clear();
                    Channels.readFully(channel, record, candidate);
                    if (record.getInt(0) == ZIP64_END_SIGNATURE) {
                        position = candidate;
                        break;
                    }
                }
            }
            if (position < 0) {
                throw new ZipException("zip64 end of central directory record missing");
            }
            entries = u64(record, 32);
            size = u64(record, 40);
            offset = u64(record, 48);
            directoryEnd = position;
        } else if (entries == MASK16 || size == MASK32 || offset == MASK32) {
            throw new ZipException("zip64 end of central directory locator missing");
        }
        long start = directoryEnd - size;
        if (size < 0 || offset < 0 || start < 0 || start < offset) {
            throw new ZipException("central directory lies outside the file (truncated, or corrupt)");
        }
        if (entries < 0 || entries > size / ZipFormat.CENTRAL_HEADER || size > Integer.MAX_VALUE) {
            throw new ZipException("central directory cannot hold the " + entries + " entries it claims");
        }
        return new EndRecord(entries, start, size, start - offset);
    }
}
