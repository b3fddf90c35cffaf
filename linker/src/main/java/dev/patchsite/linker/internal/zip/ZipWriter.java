package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.END_RECORD;
import static dev.patchsite.linker.internal.zip.ZipFormat.END_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK16;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK32;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_END_RECORD;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_END_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_LOCATOR;
import static dev.patchsite.linker.internal.zip.ZipFormat.ZIP64_LOCATOR_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.put16;
import static dev.patchsite.linker.internal.zip.ZipFormat.put32;
import static dev.patchsite.linker.internal.zip.ZipFormat.put64;

import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * Writes a zip file from entries copied raw out of other archives and entries deflated beforehand, in the order
 * given. A copied entry is its local header, data and data descriptor as they were, moved in one piece (runs of
 * entries that follow each other in their archive are moved in one transfer, which the kernel does without the
 * bytes passing through the JVM); its central record is the old one with the new offset. Nothing per entry is kept:
 * central records go to a scratch file beside the output as they are made, and are appended at the end, so memory
 * does not grow with the number of entries.
 *
 * <p>The same calls give the same bytes. Zip64 records are written when the archive needs them (more than 65,534
 * entries, or offsets beyond 4 GiB), and only then.
 */
public final class ZipWriter implements Closeable {

    private static final int BUFFER = 1 << 20;
    private static final int VERSION_ZIP64 = 45;

    private final FileChannel out;
    private final FileChannel central;
    private final ByteBuffer buffer = ByteBuffer.allocateDirect(BUFFER);
    private final ByteBuffer centralBuffer = ByteBuffer.allocateDirect(BUFFER / 4);
    private long position;
    private long entries;
    private long centralSize;
    private ZipArchive rawFrom;
    private long rawStart;
    private long rawEnd;

    /**
     * Creates a zip file, replacing any file of that name.
     *
     * @param file the file to write
     * @throws IOException if it cannot be created
     */
    public ZipWriter(Path file) throws IOException {
        this.out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING);
        Path directory = file.toAbsolutePath().getParent();
        FileChannel scratch = null;
        try {
            Path scratchFile = Files.createTempFile(directory, "." + file.getFileName(), ".central");
            scratch = FileChannel.open(scratchFile, StandardOpenOption.READ, StandardOpenOption.WRITE,
                    StandardOpenOption.DELETE_ON_CLOSE);
        } finally {
            if (scratch == null) {
                out.close();
            }
        }
        this.central = scratch;
    }

    /**
     * Copies what precedes an archive's first entry (a launcher script, say: see {@link ZipArchive#prefixLength()}),
     * so that the output starts as the input does. Called first, before any entry is written; the entries' offsets
     * then count it, as {@code zip -A} writes them.
     *
     * @param from the archive
     * @throws IOException if reading or writing fails
     * @throws IllegalStateException if something was written already
     */
    public void copyPrefix(ZipArchive from) throws IOException {
        if (position != 0) {
            throw new IllegalStateException("the prefix goes before every entry");
        }
        long length = from.prefixLength();
        if (length > 0) {
            from.transferTo(0, length, out);
            position = length;
        }
    }

    /**
     * Copies an entry of another archive as it is, compressed bytes and all. Its local header is checked against
     * its central record first, and a stored entry's CRC-32 against its bytes; a deflated entry's CRC-32 is not
     * checked here (that would mean inflating it), but where it was read whole, by {@link ZipArchive#open}.
     *
     * @param from the archive
     * @param entry the entry's index in it
     * @throws IOException if reading or writing fails, or the entry's bytes are not where its archive says
     */
    public void copy(ZipArchive from, int entry) throws IOException {
        long start = from.localHeaderOffset(entry);
        long end = from.rawEnd(entry);
        from.checkStoredCrc(entry);
        long offset = position;
        if (rawFrom != from || rawEnd != start) {
            flushRaw();
            rawFrom = from;
            rawStart = start;
        }
        rawEnd = end;
        position += end - start;
        addCentral(CentralRecords.moved(from, entry, offset));
    }

    /**
     * Adds an entry deflated beforehand.
     *
     * @param name the entry's name
     * @param dosTime its modification time and date in MS-DOS form, time in the low half
     * @param data its contents, deflated
     * @throws IOException if writing fails
     */
    public void add(String name, int dosTime, Deflated data) throws IOException {
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        if (encoded.length > MASK16) {
            throw new java.util.zip.ZipException(name + ": entry name too long");
        }
        long offset = position;
        append(LocalHeaders.of(encoded, dosTime, data));
        append(data.data());
        addCentral(CentralRecords.added(encoded, dosTime, data, offset));
    }

    /**
     * Adds a file as a stored (uncompressed) entry, as Spring Boot's launcher needs its nested jars: the file's CRC-32
     * is computed first, so that its sizes and CRC go in the local header and no data descriptor follows; its bytes
     * are then moved as they are.
     *
     * @param name the entry's name
     * @param dosTime its modification time and date in MS-DOS form, time in the low half
     * @param file the file, smaller than 4 GiB
     * @throws IOException if reading or writing fails
     */
    public void addStored(String name, int dosTime, Path file) throws IOException {
        byte[] encoded = name.getBytes(StandardCharsets.UTF_8);
        if (encoded.length > MASK16) {
            throw new java.util.zip.ZipException(name + ": entry name too long");
        }
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = in.size();
            if (size >= MASK32) {
                throw new ZipException(name + ": a nested jar of 4 GiB or more");
            }
            long crc = crc(in, size);
            long offset = position;
            append(LocalHeaders.of(encoded, dosTime, Decompression.STORED, crc, size, size));
            flush(buffer, out);
            for (long done = 0; done < size; ) {
                long moved = in.transferTo(done, size - done, out);
                if (moved <= 0) {
                    throw new ZipException(name + ": changed while being written");
                }
                done += moved;
            }
            position += size;
            addCentral(CentralRecords.added(encoded, dosTime, Decompression.STORED, crc, size, size, offset));
        }
    }

    /** Computes a file's CRC-32, reading it through the write buffer, which it empties first. */
    private long crc(FileChannel in, long size) throws IOException {
        flushRaw();
        flush(buffer, out);
        CRC32 crc = new CRC32();
        for (long done = 0; done < size; ) {
            buffer.clear();
            int read = in.read(buffer, done);
            if (read <= 0) {
                throw new EOFException("file shorter than its size");
            }
            buffer.flip();
            crc.update(buffer);
            done += read;
        }
        buffer.clear();
        return crc.getValue();
    }

    /**
     * Writes the central directory and the end records; the file is complete once this returns.
     *
     * @throws IOException if writing fails
     */
    public void finish() throws IOException {
        flushRaw();
        long centralStart = position;
        flush(centralBuffer, central);
        flush(buffer, out);
        for (long done = 0; done < centralSize; ) {
            done += central.transferTo(done, centralSize - done, out);
        }
        position += centralSize;
        boolean zip64 = entries >= MASK16 || centralStart >= MASK32 || centralSize >= MASK32;
        if (zip64) {
            long zip64End = position;
            byte[] record = new byte[ZIP64_END_RECORD + ZIP64_LOCATOR];
            put32(record, 0, ZIP64_END_SIGNATURE);
            put64(record, 4, ZIP64_END_RECORD - 12);
            put16(record, 12, VERSION_ZIP64);
            put16(record, 14, VERSION_ZIP64);
            put64(record, 24, entries);
            put64(record, 32, entries);
            put64(record, 40, centralSize);
            put64(record, 48, centralStart);
            put32(record, ZIP64_END_RECORD, ZIP64_LOCATOR_SIGNATURE);
            put64(record, ZIP64_END_RECORD + 8, zip64End);
            put32(record, ZIP64_END_RECORD + 16, 1);
            append(record);
        }
        byte[] end = new byte[END_RECORD];
        put32(end, 0, END_SIGNATURE);
        put16(end, 8, (int) Math.min(entries, MASK16));
        put16(end, 10, (int) Math.min(entries, MASK16));
        put32(end, 12, Math.min(centralSize, MASK32));
        put32(end, 16, Math.min(centralStart, MASK32));
        append(end);
        flush(buffer, out);
    }

    private void addCentral(byte[] record) throws IOException {
        entries++;
        centralSize += record.length;
        if (record.length > centralBuffer.remaining()) {
            flush(centralBuffer, central);
        }
        centralBuffer.put(record);
    }

    private void append(byte[] bytes) throws IOException {
        flushRaw();
        position += bytes.length;
        if (bytes.length > buffer.remaining()) {
            flush(buffer, out);
            if (bytes.length > buffer.capacity()) {
                write(ByteBuffer.wrap(bytes), out);
                return;
            }
        }
        buffer.put(bytes);
    }

    /** Writes the run of copied entries waiting to be moved, after what the buffer holds. */
    private void flushRaw() throws IOException {
        if (rawFrom != null) {
            flush(buffer, out);
            rawFrom.transferTo(rawStart, rawEnd - rawStart, out);
            rawFrom = null;
        }
    }

    private static void flush(ByteBuffer pending, FileChannel channel) throws IOException {
        pending.flip();
        write(pending, channel);
        pending.clear();
    }

    private static void write(ByteBuffer bytes, FileChannel channel) throws IOException {
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
    }

    @Override
    public void close() throws IOException {
        try {
            out.close();
        } finally {
            central.close();
        }
    }
}
