package dev.patchsite.linker.scan;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.Inflater;
import java.util.zip.ZipEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipFile;

/**
 * Reads zip entries from several threads at once. A {@link ZipFile} opened without reading its local file headers
 * (so that opening costs one read of the central directory, not one read per entry) finds an entry's data the first
 * time the entry is opened, through the file's shared position: that step is taken under the file's lock. The
 * compressed bytes are then read with one positional read and inflated with the thread's own {@link Inflater}.
 */
public final class ZipEntries {

    /** Larger entries are refused: no class file comes near it, a zip bomb does. */
    public static final long MAX_ENTRY_SIZE = 256L << 20;

    private static final ThreadLocal<Inflater> INFLATERS = ThreadLocal.withInitial(() -> new Inflater(true));

    private ZipEntries() {
    }

    /**
     * Opens a zip file for reading from several threads, without reading its local file headers.
     *
     * @param path the zip file
     * @return the zip file, to be closed
     * @throws IOException if the file is not a readable zip file
     */
    public static ZipFile open(java.nio.file.Path path) throws IOException {
        return ZipFile.builder().setPath(path).setIgnoreLocalFileHeader(true).get();
    }

    /**
     * Opens an entry's uncompressed bytes; safe from any thread.
     *
     * @param zip a zip file opened by {@link #open}
     * @param entry one of its entries
     * @return the stream, to be closed
     * @throws IOException if the entry cannot be read
     */
    public static InputStream open(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        if (!zip.canReadEntryData(entry)) {
            throw new IOException("unsupported compression method or encryption");
        }
        int method = entry.getMethod();
        if (method != ZipEntry.STORED && method != ZipEntry.DEFLATED) {
            synchronized (zip) {
                return zip.getInputStream(entry);
            }
        }
        if (entry.getCompressedSize() > MAX_ENTRY_SIZE || entry.getSize() > MAX_ENTRY_SIZE) {
            throw new IOException("entry larger than " + (MAX_ENTRY_SIZE >> 20) + " MiB");
        }
        byte[] compressed = raw(zip, entry);
        return method == ZipEntry.STORED ? new ByteArrayInputStream(compressed)
                : new InflatingStream(INFLATERS.get(), compressed);
    }

    /**
     * Reads an entry's uncompressed bytes whole; safe from any thread.
     *
     * @param zip a zip file opened by {@link #open}
     * @param entry one of its entries
     * @return the bytes
     * @throws IOException if the entry cannot be read
     */
    public static byte[] read(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        try (InputStream in = open(zip, entry)) {
            return in.readAllBytes();
        }
    }

    /**
     * Opens an entry's compressed bytes, to copy them as they are; safe from any thread.
     *
     * @param zip a zip file opened by {@link #open}
     * @param entry one of its entries
     * @return the stream, to be closed
     * @throws IOException if the entry's data cannot be found
     */
    public static InputStream openRaw(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        InputStream raw;
        synchronized (zip) {
            raw = zip.getRawInputStream(entry);
        }
        if (raw == null) {
            throw new IOException("entry data not found");
        }
        return raw;
    }

    private static byte[] raw(ZipFile zip, ZipArchiveEntry entry) throws IOException {
        long size = entry.getCompressedSize();
        byte[] compressed;
        try (InputStream raw = openRaw(zip, entry)) {
            compressed = raw.readNBytes((int) size);
        }
        if (compressed.length != size) {
            throw new IOException("entry data truncated");
        }
        return compressed;
    }
}
