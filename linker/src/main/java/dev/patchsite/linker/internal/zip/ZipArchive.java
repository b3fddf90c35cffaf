package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_HEADER;
import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_COMMENT_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_COMPRESSED;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_CRC;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_EXTRA_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_FLAGS;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_METHOD;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_NAME_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_OFFSET;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_SIZE;
import static dev.patchsite.linker.internal.zip.ZipFormat.CEN_TIME;
import static dev.patchsite.linker.internal.zip.ZipFormat.LOCAL_HEADER;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK32;
import static dev.patchsite.linker.internal.zip.ZipFormat.u16;
import static dev.patchsite.linker.internal.zip.ZipFormat.u32;

import dev.patchsite.linker.OneLine;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * A zip file (a jar) opened for reading by many threads and for raw copying, with memory that hardly grows with the
 * number of entries: the central directory is read once, as it is, into one buffer (mapped from the file when it is
 * large, so it is not on the heap at all), and each entry costs under thirty bytes of index beside it. Names, sizes
 * and methods are read from the directory's own bytes when asked for; nothing is decoded ahead but each name's
 * hashes.
 *
 * <p>Entries are numbered in physical order (the order of their data in the file), which is also the central
 * directory's order in every jar a tool writes. An entry's data is found through its local header when it is read,
 * with one positional read for the header and the data together; reading is safe from any number of threads.
 *
 * <p>This is not a general zip library: it reads what jars hold (stored and deflated entries; deflate64 and bzip2
 * through Commons Compress) and refuses what they do not (split archives, encryption), and it never trusts a size
 * it has not checked against the file. It reads what the JVM reads, or refuses: the directory is walked by its size
 * as the JDK's {@code ZipFile} walks it; entries whose data overlap are refused when the archive is opened; a local
 * header must agree with its central record; an entry never gives more than its declared size, and read to its
 * end, its CRC-32 is checked. Every loop over the archive's data is bounded by its size.
 */
public final class ZipArchive implements Closeable {

    /** Larger entries are not inflated into memory: no class file comes near it, a zip bomb does. */
    public static final long MAX_ENTRY_SIZE = 256L << 20;
    /** A central directory up to this size is read onto the heap; a larger one is mapped. */
    private static final int READ_LIMIT = 16 << 20;

    private final Path path;
    private final FileSlice channel;
    /** Whether closing this archive closes the file: not for a jar nested in another, whose file that one owns. */
    private final boolean ownsFile;
    private final long fileSize;
    private final long centralStart;
    private final ByteBuffer central;
    private final int[] records;
    private final long[] offsets;
    private final NameIndex names;

    private ZipArchive(Path path, FileSlice channel, boolean ownsFile) throws IOException {
        this.path = path;
        this.channel = channel;
        this.ownsFile = ownsFile;
        this.fileSize = channel.size();
        EndRecord end = EndRecord.find(channel, fileSize);
        this.centralStart = end.centralStart();
        this.central = load(end);
        int count = countRecords(end);
        this.records = new int[count];
        this.offsets = new long[count];
        readDirectory(end);
        checkNoOverlap();
        this.names = new NameIndex(this);
    }

    /**
     * Opens a zip file.
     *
     * @param path the file
     * @return the archive, to be closed
     * @throws IOException if the file cannot be read, or is not a zip file this reader accepts; the message says what
     *     is wrong and where
     */
    public static ZipArchive open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            return new ZipArchive(path, FileSlice.whole(channel), true);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private ByteBuffer load(EndRecord end) throws IOException {
        long size = end.centralSize();
        ByteBuffer buffer;
        if (size <= READ_LIMIT) {
            buffer = ByteBuffer.allocate((int) size);
            channel.readFully(buffer, centralStart);
            buffer.flip();
        } else {
            buffer = channel.map(centralStart, size);
        }
        return buffer.order(ByteOrder.LITTLE_ENDIAN);
    }

    /**
     * Counts the records of the central directory, walking it by its size as the JDK's {@code ZipFile} does: an end
     * record that counts fewer entries (as one that wrapped past 65,535 does) does not hide the others from this
     * reader while the JVM loads them. Records must fill the directory exactly. An end record that counts more
     * entries than the directory holds is refused: readers disagree on what it means.
     */
    private int countRecords(EndRecord end) throws ZipException {
        int count = 0;
        int limit = central.limit();
        for (int at = 0; at < limit; count++) {
            if (at > limit - CENTRAL_HEADER || central.getInt(at) != CENTRAL_SIGNATURE) {
                throw new ZipException("central directory record " + (count + 1) + " is missing or corrupt");
            }
            int length = recordLength(at);
            if (length > limit - at) {
                throw new ZipException("central directory record " + (count + 1) + " runs past the directory's end");
            }
            at += length;
        }
        if (count < end.entries()) {
            throw new ZipException("the end record counts " + end.entries() + " entries, the central directory holds "
                    + count);
        }
        return count;
    }

    private void readDirectory(EndRecord end) throws ZipException {
        int at = 0;
        boolean sorted = true;
        for (int i = 0; i < records.length; i++) {
            records[i] = at;
            long offset;
            long compressed;
            try {
                offset = end.base() + zip64(at, CEN_OFFSET);
                compressed = compressedSize(i);
                size(i);
            } catch (CorruptArchiveException e) {
                throw new ZipException(named(i) + ": " + e.getMessage());
            }
            offsets[i] = offset;
            if (offset < 0 || offset > centralStart - LOCAL_HEADER - compressed) {
                throw new ZipException(named(i) + ": its data lies outside the archive (truncated, or corrupt)");
            }
            sorted &= i == 0 || offset >= offsets[i - 1];
            at += recordLength(at);
        }
        if (!sorted) {
            sortPhysically();
        }
    }

    /**
     * Refuses entries whose data overlap, as many central records pointing at one local entry do (a zip bomb: one
     * entry that inflates to 255 MiB, read two thousand times): each entry's header, name and data must end before
     * the next entry starts. Entries are in physical order by now, so one pass finds any overlap.
     */
    private void checkNoOverlap() throws ZipException {
        for (int i = 0; i + 1 < offsets.length; i++) {
            if (offsets[i] + LOCAL_HEADER + nameLength(i) + compressedSize(i) > offsets[i + 1]) {
                throw new ZipException(named(i) + ": its data overlaps that of " + named(i + 1)
                        + " (a corrupt or hostile archive: entries that share their data)");
            }
        }
    }

    /** Orders the entries by where their data is, which raw copying and overlap checks rely on. */
    private void sortPhysically() {
        Integer[] order = new Integer[records.length];
        Arrays.setAll(order, i -> i);
        Arrays.sort(order, (a, b) -> Long.compare(offsets[a], offsets[b]));
        int[] sortedRecords = new int[records.length];
        long[] sortedOffsets = new long[records.length];
        for (int i = 0; i < order.length; i++) {
            sortedRecords[i] = records[order[i]];
            sortedOffsets[i] = offsets[order[i]];
        }
        System.arraycopy(sortedRecords, 0, records, 0, records.length);
        System.arraycopy(sortedOffsets, 0, offsets, 0, offsets.length);
    }

    /**
     * Opens a jar stored uncompressed as an entry of this one (a Spring Boot application's
     * {@code BOOT-INF/lib/x.jar}), in place: its bytes are read where they lie in this archive's file, and nothing is
     * extracted. It is checked as any archive is when opened; its entries' CRCs are checked as they are read. It
     * shares this archive's file: closing it closes nothing, and it must not be used once this archive is closed.
     *
     * @param entry the entry
     * @return the nested archive; its {@link #path()} is this archive's
     * @throws IOException if the entry is compressed or encrypted ({@link CompressedNestedArchiveException}), or is
     *     not a zip file this reader accepts ({@link NotAZipFileException} if it is not a zip file at all)
     */
    public ZipArchive openNested(int entry) throws IOException {
        if ((flags(entry) & ZipFormat.FLAG_ENCRYPTED) != 0) {
            throw new ZipException(named(entry) + ": encrypted entry");
        }
        if (method(entry) != Decompression.STORED) {
            throw new CompressedNestedArchiveException(named(entry) + ": a compressed nested jar (method "
                    + method(entry) + "); nested jars are read in place, which needs them stored, as Spring Boot's"
                    + " launcher needs them too");
        }
        if (compressedSize(entry) != size(entry)) {
            throw new ZipException(named(entry) + ": stored entry whose compressed and uncompressed sizes differ");
        }
        long next = entry + 1 < offsets.length ? offsets[entry + 1] : centralStart;
        long start = offsets[entry] + localHeader(entry, next).length;
        if (start + size(entry) > next) {
            throw new ZipException(named(entry) + ": overlaps the next entry's data (a corrupt or hostile archive)");
        }
        return new ZipArchive(path, channel.slice(start, size(entry)), false);
    }

    /** Returns the zip file's path. */
    public Path path() {
        return path;
    }

    /** Returns the number of entries. */
    public int size() {
        return records.length;
    }

    /**
     * Returns the index of the entry with the given name.
     *
     * @param name the entry name
     * @return the index, or -1 if there is none
     */
    public int find(String name) {
        return names.find(name.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the name of the first entry whose name an earlier entry has too, or null if names are unique. */
    public String duplicateName() {
        int duplicate = names.firstDuplicate();
        return duplicate < 0 ? null : name(duplicate);
    }

    /** Returns an entry's name; jars name entries in UTF-8 whatever the flags say, as the JDK reads them. */
    public String name(int entry) {
        int at = records[entry];
        byte[] bytes = new byte[u16(central, at + CEN_NAME_LENGTH)];
        central.get(at + CENTRAL_HEADER, bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The entry's name for a message: a name may hold line breaks, which must not split the one-line error. */
    private String named(int entry) {
        return OneLine.of(name(entry));
    }

    /** Returns the length of an entry's name in bytes, as the directory holds it. */
    public int nameLength(int entry) {
        return u16(central, records[entry] + CEN_NAME_LENGTH);
    }

    /** Returns the byte at the given position of an entry's name, as it lies in the directory. */
    byte nameByte(int entry, int index) {
        return central.get(records[entry] + CENTRAL_HEADER + index);
    }

    /**
     * Returns whether an entry's name starts with the given prefix, without making a string of the name.
     *
     * @param entry the entry
     * @param prefix the prefix, in UTF-8
     * @return whether the name starts with it
     */
    public boolean nameStartsWith(int entry, byte[] prefix) {
        if (nameLength(entry) < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (nameByte(entry, i) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Returns whether an entry's name ends with the given suffix, without making a string of the name.
     *
     * @param entry the entry
     * @param suffix the suffix, in UTF-8
     * @param ignoreCase whether ASCII letters match in either case (other characters match exactly)
     * @return whether the name ends with it
     */
    public boolean nameEndsWith(int entry, byte[] suffix, boolean ignoreCase) {
        int start = nameLength(entry) - suffix.length;
        if (start < 0) {
            return false;
        }
        for (int i = 0; i < suffix.length; i++) {
            byte b = nameByte(entry, start + i);
            if (b != suffix[i] && !(ignoreCase && asciiLower(b) == asciiLower(suffix[i]))) {
                return false;
            }
        }
        return true;
    }

    private static byte asciiLower(byte b) {
        return b >= 'A' && b <= 'Z' ? (byte) (b + ('a' - 'A')) : b;
    }

    /**
     * Returns a 64-bit hash (FNV-1a) of an entry's name as the directory holds it, taken when the archive was opened.
     *
     * @param entry the entry
     * @return the hash
     */
    public long nameHash(int entry) {
        return names.fixedHash(entry);
    }

    /** Returns whether an entry is a directory: its name ends with a slash. */
    public boolean isDirectory(int entry) {
        int length = nameLength(entry);
        return length > 0 && nameByte(entry, length - 1) == '/';
    }

    /** Returns an entry's compression method: 0 stored, 8 deflated. */
    public int method(int entry) {
        return u16(central, records[entry] + CEN_METHOD);
    }

    /** Returns an entry's general-purpose flags. */
    int flags(int entry) {
        return u16(central, records[entry] + CEN_FLAGS);
    }

    /** Returns an entry's modification time and date in MS-DOS form, time in the low half. */
    public int dosTime(int entry) {
        return central.getInt(records[entry] + CEN_TIME);
    }

    /** Returns the CRC-32 of an entry's uncompressed bytes. */
    public long crc(int entry) {
        return u32(central, records[entry] + CEN_CRC);
    }

    /** Returns an entry's compressed size. */
    public long compressedSize(int entry) {
        return zip64(records[entry], CEN_COMPRESSED);
    }

    /** Returns an entry's uncompressed size. */
    public long size(int entry) {
        return zip64(records[entry], CEN_SIZE);
    }

    /** Returns where an entry's local header is in the file. */
    long localHeaderOffset(int entry) {
        return offsets[entry];
    }

    /** Returns whether an entry's central record carries a zip64 extra field. */
    boolean hasZip64Extra(int entry) {
        return Zip64Extra.find(central, records[entry]) >= 0;
    }

    /** Returns a copy of an entry's central directory record. */
    byte[] centralRecord(int entry) {
        byte[] record = new byte[recordLength(records[entry])];
        central.get(records[entry], record);
        return record;
    }

    /** Returns the length of the central record at the given position: its fixed part, name, extra and comment. */
    private int recordLength(int at) {
        return CENTRAL_HEADER + u16(central, at + CEN_NAME_LENGTH) + u16(central, at + CEN_EXTRA_LENGTH)
                + u16(central, at + CEN_COMMENT_LENGTH);
    }

    /**
     * Reads a 32-bit size or offset field of a central record, or its 64-bit value from the zip64 extra field when
     * the field says so.
     */
    private long zip64(int record, int field) {
        long value = u32(central, record + field);
        return value == MASK32 ? Zip64Extra.value(central, record, field) : value;
    }

    /**
     * Returns where an entry's bytes in the file end: its local header, data and data descriptor, so that copying
     * from its local header to here copies the entry whole and nothing else. The local header is read and checked
     * against the central record (see {@link LocalHeaderCheck}), so that what is copied says what the directory
     * says; its extra field and whether a descriptor follows give the end, so that bytes between entries (padding,
     * a signing block) are never taken for part of one.
     */
    long rawEnd(int entry) throws IOException {
        long next = entry + 1 < offsets.length ? offsets[entry + 1] : centralStart;
        byte[] header = localHeader(entry, next);
        int nameLength = u16(header, ZipFormat.LOC_NAME_LENGTH);
        int extraLength = u16(header, ZipFormat.LOC_EXTRA_LENGTH);
        long dataEnd = offsets[entry] + LOCAL_HEADER + nameLength + extraLength + compressedSize(entry);
        if (dataEnd > next) {
            throw new ZipException(named(entry) + ": overlaps the next entry's data (a corrupt or hostile archive)");
        }
        long end = dataEnd + descriptorLength(entry, header, nameLength, extraLength, dataEnd, next);
        if (end > next) {
            throw new ZipException(named(entry) + ": overlaps the next entry's data (a corrupt or hostile archive)");
        }
        return end;
    }

    /** Reads and checks an entry's local header, name and extra field, which end before {@code next}. */
    private byte[] localHeader(int entry, long next) throws IOException {
        long start = offsets[entry];
        int guess = LOCAL_HEADER + nameLength(entry) + u16(central, records[entry] + CEN_EXTRA_LENGTH);
        byte[] header = new byte[(int) Math.min(guess, next - start)];
        channel.readFully(ByteBuffer.wrap(header), start);
        if (header.length < LOCAL_HEADER) {
            throw new ZipException(named(entry) + ": overlaps the next entry's data (a corrupt or hostile archive)");
        }
        int length = LOCAL_HEADER + u16(header, ZipFormat.LOC_NAME_LENGTH) + u16(header, ZipFormat.LOC_EXTRA_LENGTH);
        if (length != header.length) {
            if (length > next - start) {
                throw new ZipException(named(entry) + ": overlaps the next entry's data (a corrupt or hostile archive)");
            }
            header = Arrays.copyOf(header, length);
            if (length > guess) {
                channel.readFully(ByteBuffer.wrap(header, guess, length - guess), start + guess);
            }
        }
        try {
            LocalHeaderCheck.check(this, entry, header, 0);
        } catch (ZipException e) {
            throw new ZipException(named(entry) + ": " + e.getMessage());
        }
        return header;
    }

    /**
     * Checks a stored entry's CRC-32 against its bytes in the file, for raw copying. A stored entry's bytes are its
     * contents, so this costs one read of them, from the page cache the copy reads too; a deflated entry would have
     * to be inflated, which raw copying exists to avoid: its CRC is checked when it is read whole (every class the
     * scan reads whole), not when it is copied.
     *
     * @param entry the entry; nothing is checked unless it is stored
     * @throws IOException if the entry cannot be read, or its bytes do not have the CRC-32 its record declares
     */
    void checkStoredCrc(int entry) throws IOException {
        if (method(entry) != Decompression.STORED) {
            return;
        }
        long next = entry + 1 < offsets.length ? offsets[entry + 1] : centralStart;
        long start = offsets[entry] + localHeader(entry, next).length;
        long length = compressedSize(entry);
        if (start + length > next) {
            throw new ZipException(named(entry) + ": overlaps the next entry's data (a corrupt or hostile archive)");
        }
        CRC32 crc = new CRC32();
        ByteBuffer buffer = ByteBuffer.allocate((int) Math.min(length, 1 << 16));
        for (long done = 0; done < length; done += buffer.limit()) {
            buffer.clear().limit((int) Math.min(buffer.capacity(), length - done));
            channel.readFully(buffer, start + done);
            crc.update(buffer.flip());
        }
        if (crc.getValue() != crc(entry)) {
            throw new ZipException(named(entry) + ": " + EntryStream.crcMismatch(crc.getValue(), crc(entry)));
        }
    }

    /**
     * Returns the length of the data descriptor after an entry's data: none unless its flags say so; then a CRC and
     * two sizes, 4 or 8 bytes each (8 when the local header has a zip64 field or the entry needs one), after an
     * optional signature.
     */
    private int descriptorLength(int entry, byte[] header, int nameLength, int extraLength, long dataEnd, long next)
            throws IOException {
        if ((u16(header, 6) & ZipFormat.FLAG_DESCRIPTOR) == 0) {
            return 0;
        }
        ByteBuffer extra = ByteBuffer.wrap(header, LOCAL_HEADER + nameLength, extraLength).slice()
                .order(ByteOrder.LITTLE_ENDIAN);
        // The JDK writes 8-byte sizes for an entry of 4 GiB or more even without a zip64 field in its local header.
        boolean zip64 = compressedSize(entry) >= MASK32 || size(entry) >= MASK32
                || Zip64Extra.find(extra, 0, extraLength) >= 0;
        int length = zip64 ? 20 : 12;
        if (next - dataEnd >= 4) {
            ByteBuffer signature = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN);
            channel.readFully(signature, dataEnd);
            if (signature.getInt(0) == ZipFormat.DESCRIPTOR_SIGNATURE) {
                length += 4;
            }
        }
        return length;
    }

    /**
     * Reads an entry's compressed bytes, with its local header before them, in one read, and checks the header.
     *
     * @return the bytes; the data is the last {@code compressedSize} bytes of what is returned
     */
    EntryBytes readCompressed(int entry) throws IOException {
        long compressed = compressedSize(entry);
        if (compressed > MAX_ENTRY_SIZE || size(entry) > MAX_ENTRY_SIZE) {
            throw new ZipException("entry larger than " + (MAX_ENTRY_SIZE >> 20) + " MiB");
        }
        long start = offsets[entry];
        // The local header's extra field is usually as long as the central one, or empty: read for that, and
        // read again in the rare case it is longer.
        int guess = LOCAL_HEADER + nameLength(entry) + u16(central, records[entry] + CEN_EXTRA_LENGTH)
                + (int) compressed;
        byte[] bytes = new byte[(int) Math.min(guess, fileSize - start)];
        channel.readFully(ByteBuffer.wrap(bytes), start);
        if (bytes.length < LOCAL_HEADER) {
            throw new ZipException("entry data truncated");
        }
        int dataOffset = LOCAL_HEADER + u16(bytes, ZipFormat.LOC_NAME_LENGTH) + u16(bytes, ZipFormat.LOC_EXTRA_LENGTH);
        if (dataOffset + compressed > bytes.length) {
            if (start + dataOffset + compressed > centralStart) {
                throw new ZipException("entry data truncated");
            }
            bytes = new byte[dataOffset + (int) compressed];
            channel.readFully(ByteBuffer.wrap(bytes), start);
        }
        LocalHeaderCheck.check(this, entry, bytes, 0);
        return new EntryBytes(bytes, dataOffset, (int) compressed);
    }

    /**
     * Opens an entry's contents; safe from any thread. A thread reads one entry at a time: the stream uses the
     * thread's own inflater until it is closed. The stream never gives more bytes than the entry's declared size,
     * which is at most {@link #MAX_ENTRY_SIZE}, and, read to its end, checks that it gave exactly that many and
     * that their CRC-32 is the one the central record declares.
     *
     * @param entry the entry
     * @return the stream, to be closed
     * @throws IOException if the entry cannot be read; the message does not name the entry, the caller does
     */
    public InputStream open(int entry) throws IOException {
        if ((flags(entry) & ZipFormat.FLAG_ENCRYPTED) != 0) {
            throw new ZipException("encrypted entry");
        }
        int method = method(entry);
        if (!Decompression.supports(method)) {
            throw new ZipException("unsupported compression method " + method);
        }
        if (method == Decompression.STORED && compressedSize(entry) != size(entry)) {
            throw new ZipException("stored entry whose compressed and uncompressed sizes differ");
        }
        return new EntryStream(Decompression.open(method, readCompressed(entry)), size(entry), crc(entry));
    }

    /**
     * Reads an entry's contents whole; safe from any thread.
     *
     * @param entry the entry
     * @return the bytes
     * @throws IOException if the entry cannot be read, or its contents are not as long as the directory says, or
     *     their CRC-32 is not the one it gives
     */
    public byte[] read(int entry) throws IOException {
        try (InputStream in = open(entry)) {
            return in.readAllBytes();
        }
    }

    /**
     * Returns how many bytes precede the first entry (or the central directory, if there is none): a launcher
     * script, say, put before the jar by {@code cat run.sh app.jar > app}, which the JDK reads past.
     */
    public long prefixLength() {
        return offsets.length > 0 ? offsets[0] : centralStart;
    }

    /**
     * Copies the given range of the file to a channel.
     *
     * @param position where the range starts
     * @param count its length
     * @param target where to copy it
     * @throws IOException if reading or writing fails
     */
    void transferTo(long position, long count, FileChannel target) throws IOException {
        long done = 0;
        while (done < count) {
            long moved = channel.transferTo(position + done, count - done, target);
            if (moved <= 0) {
                throw new ZipException("archive changed while being copied (shorter than its directory says)");
            }
            done += moved;
        }
    }

    /** Returns the central directory's buffer, for the name index. */
    ByteBuffer central() {
        return central;
    }

    int record(int entry) {
        return records[entry];
    }

    @Override
    public void close() throws IOException {
        if (ownsFile) {
            channel.close();
        }
    }

    /**
     * An entry's compressed data within a larger array.
     *
     * @param bytes the array
     * @param offset where the data starts
     * @param length the data's length
     */
    record EntryBytes(byte[] bytes, int offset, int length) {
    }
}
