package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.END_RECORD;
import static dev.patchsite.linker.internal.zip.ZipFormat.END_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.LOCAL_SIGNATURE;
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
import java.util.zip.ZipException;

/**
 * Where a zip file's central directory is, from its end record (and the zip64 end record when the counts or offsets
 * do not fit the classic one).
 *
 * <p>The end record is the one the JVM takes, found by the rule of {@code ZipFile$Source.findEND} (the same in JDK 17
 * and 25): the last end record signature in the file's tail, in the last 64 KiB and 22 bytes (or up to 106 bytes
 * more: the JDK scans 128-byte blocks), that either ends the file with its comment or, when bytes follow it, has a
 * central record where its size puts the directory and a local header where its offset then puts the first entry.
 * A zip64 end record is used only where the zip64 locator says it is and only if it agrees with every value of the
 * classic record that is not {@code 0xFFFF}/{@code 0xFFFFFFFF}; otherwise the classic record's values stand. An
 * archive whose bytes hold several end records (a jar inside a jar's tail, say) is thus read as the JVM reads it.
 *
 * @param entries how many entries the directory holds
 * @param centralStart where the directory starts in the file
 * @param centralSize its length in bytes
 * @param base what to add to the offsets the archive records: the length of anything prepended to it (a launcher
 *     script, say), which the offsets do not count
 */
record EndRecord(long entries, long centralStart, long centralSize, long base) {

    /** The JDK's bounds on where the end record starts: within a comment's length of the end, in 128-byte blocks. */
    private static final int MAX_END = END_RECORD + MASK16;
    private static final int BLOCK = 128;
    private static final int BLOCK_STEP = BLOCK - END_RECORD;

    static EndRecord find(FileSlice channel, long fileSize) throws IOException {
        if (fileSize < END_RECORD) {
            throw new NotAZipFileException("not a zip file (too short)");
        }
        long tailStart = lowestCandidate(fileSize);
        int tailLength = (int) (fileSize - tailStart);
        ByteBuffer tail = read(channel, tailStart, tailLength);
        for (int at = tailLength - END_RECORD; at >= 0; at--) {
            if (tail.getInt(at) == END_SIGNATURE && isTheJvms(channel, tail, at, tailStart + at, fileSize)) {
                return read(channel, tail, at, tailStart + at);
            }
        }
        throw new NotAZipFileException("not a zip file (no end of central directory record)");
    }

    /**
     * Where {@code findEND} stops looking: it reads blocks of 128 bytes backwards from the end, each overlapping the
     * next by an end record's length, while the block starts no lower than 106 bytes before the lowest place a
     * comment of 64 KiB allows, and scans each block whole.
     */
    private static long lowestCandidate(long fileSize) {
        long lowestAllowed = Math.max(fileSize - MAX_END, 0) - BLOCK_STEP;
        long blocks = (fileSize - BLOCK - lowestAllowed) / BLOCK_STEP;
        return Math.max(fileSize - BLOCK - blocks * BLOCK_STEP, 0);
    }

    /**
     * Whether the JVM takes the end record at the given position: one that ends the file with its comment, or one
     * followed by other bytes whose size and offset lead to a central record and a local header.
     */
    private static boolean isTheJvms(FileSlice channel, ByteBuffer tail, int at, long position, long fileSize)
            throws IOException {
        long commentEnd = position + END_RECORD + u16(tail, at + 20);
        if (commentEnd == fileSize) {
            return true;
        }
        long directory = position - u32(tail, at + 12);
        long firstEntry = directory - u32(tail, at + 16);
        if (firstEntry < 0 || signature(channel, directory) != CENTRAL_SIGNATURE
                || signature(channel, firstEntry) != LOCAL_SIGNATURE) {
            return false;
        }
        if (commentEnd > fileSize) {
            // The JDK takes it, then fails reading the comment.
            throw new ZipException("the end record's comment runs past the end of the file (truncated, or corrupt)");
        }
        return true;
    }

    private static int signature(FileSlice channel, long position) throws IOException {
        return read(channel, position, 4).getInt(0);
    }

    private static ByteBuffer read(FileSlice channel, long position, int length) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        channel.readFully(buffer, position);
        return buffer;
    }

    private static EndRecord read(FileSlice channel, ByteBuffer tail, int at, long endPosition) throws IOException {
        if (u16(tail, at + 4) != 0 || u16(tail, at + 6) != 0 && u16(tail, at + 6) != MASK16) {
            throw new ZipException("a split (multi-volume) archive, which jars never are");
        }
        long entries = u16(tail, at + 10);
        long size = u32(tail, at + 12);
        long offset = u32(tail, at + 16);
        long directoryEnd = endPosition;
        ByteBuffer locator = endPosition >= ZIP64_LOCATOR
                ? read(channel, endPosition - ZIP64_LOCATOR, ZIP64_LOCATOR) : null;
        boolean hasLocator = locator != null && locator.getInt(0) == ZIP64_LOCATOR_SIGNATURE;
        ByteBuffer record = hasLocator ? zip64EndRecord(channel, u64(locator, 8)) : null;
        if (record != null && agrees(u64(record, 32), entries, MASK16) && agrees(u64(record, 40), size, MASK32)
                && agrees(u64(record, 48), offset, MASK32)) {
            entries = u64(record, 32);
            size = u64(record, 40);
            offset = u64(record, 48);
            directoryEnd = u64(locator, 8);
        } else if (entries == MASK16 || size == MASK32 || offset == MASK32) {
            throw new ZipException(hasLocator ? "zip64 end of central directory record missing"
                    : "zip64 end of central directory locator missing");
        }
        if (directoryEnd == 0) {
            // Nothing but an end record (and a comment): the JDK reads no entry, whatever the record says.
            return new EndRecord(0, 0, 0, 0);
        }
        long start = directoryEnd - size;
        if (size < 0 || offset < 0 || start < 0 || start < offset) {
            throw new ZipException("central directory lies outside the file (truncated, or corrupt)");
        }
        if (hasLocator && record == null && size > 0 && signature(channel, start) != CENTRAL_SIGNATURE) {
            // What a launcher prepended to a zip64 jar does: the JVM cannot open it either.
            throw new ZipException("zip64 end of central directory record not where its locator says"
                    + " (bytes prepended to a zip64 archive?)");
        }
        if (entries < 0 || entries > size / ZipFormat.CENTRAL_HEADER || size > Integer.MAX_VALUE) {
            throw new ZipException("central directory cannot hold the " + entries + " entries it claims");
        }
        return new EndRecord(entries, start, size, start - offset);
    }

    /**
     * The zip64 end record where the locator says it is, or null if it is not there: the JDK then keeps the classic
     * record's values (it does not look for the record elsewhere, not even when a launcher was prepended).
     */
    private static ByteBuffer zip64EndRecord(FileSlice channel, long position) throws IOException {
        if (position < 0 || position > channel.size() - ZIP64_END_RECORD) {
            return null;
        }
        ByteBuffer record = read(channel, position, ZIP64_END_RECORD);
        return record.getInt(0) == ZIP64_END_SIGNATURE ? record : null;
    }

    /** Whether a zip64 value agrees with the classic one: equal, or the classic one says "see the zip64 record". */
    private static boolean agrees(long zip64, long classic, long mask) {
        return zip64 == classic || classic == mask;
    }
}
