package dev.patchsite.linker.internal.io;

import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;

/**
 * Reads and writes heap byte arrays in chunks of {@link #CHUNK} bytes. The JDK copies a heap array through a
 * temporary direct buffer of the size of each read or write, cached per thread: a 5 MiB array written at once costs a
 * fresh JVM a 5 MiB buffer allocated, zeroed and faulted in (about 25 ms of a 0.8 s scan), where one of 64 KiB
 * serves every read and write of the run.
 */
public final class ChunkedIo {

    /** The most bytes moved by one read or write. */
    public static final int CHUNK = 64 << 10;

    private ChunkedIo() {
    }

    /**
     * Fills a buffer from a file, from the given position on, without moving the channel's position, so that many
     * threads can read one file at once.
     *
     * @param channel the file
     * @param buffer the buffer, filled from its position to its limit
     * @param position where in the file to start
     * @throws EOFException if the file ends first
     * @throws IOException if the file cannot be read
     */
    public static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        int limit = buffer.limit();
        long at = position;
        try {
            while (buffer.hasRemaining()) {
                buffer.limit(Math.min(limit, buffer.position() + CHUNK));
                int read = channel.read(buffer, at);
                if (read < 0) {
                    throw new EOFException("entry data truncated");
                }
                at += read;
                buffer.limit(limit);
            }
        } finally {
            buffer.limit(limit);
        }
    }

    /**
     * Reads a whole file.
     *
     * @param file the file
     * @param maxBytes the largest file read
     * @return its bytes, or null if it is larger than {@code maxBytes}
     * @throws IOException if it cannot be read, or changes size while it is read
     */
    public static byte[] readAll(Path file, long maxBytes) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size > maxBytes || size > Integer.MAX_VALUE - 8) {
                return null;
            }
            byte[] bytes = new byte[(int) size];
            readFully(channel, ByteBuffer.wrap(bytes), 0);
            if (channel.size() != size) {
                throw new IOException("changed while it was read");
            }
            return bytes;
        }
    }

    /**
     * Writes what a heap buffer holds from its position to its limit to a stream, leaving the buffer as it is.
     *
     * @param out the stream
     * @param part the buffer
     * @throws IOException if the stream fails
     */
    public static void write(OutputStream out, ByteBuffer part) throws IOException {
        for (int at = part.position(); at < part.limit(); at += CHUNK) {
            out.write(part.array(), part.arrayOffset() + at, Math.min(CHUNK, part.limit() - at));
        }
    }

    /**
     * Returns what heap buffers hold from their positions to their limits, one after the other, in one array.
     *
     * @param parts the buffers, left as they are
     * @return the bytes
     */
    public static byte[] join(List<ByteBuffer> parts) {
        ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(size(parts)));
        parts.forEach(part -> all.put(part.duplicate()));
        return all.array();
    }

    /**
     * Returns how many bytes buffers hold from their positions to their limits.
     *
     * @param parts the buffers
     * @return the sum of their remaining bytes
     */
    public static long size(List<ByteBuffer> parts) {
        long size = 0;
        for (ByteBuffer part : parts) {
            size += part.remaining();
        }
        return size;
    }
}
