package dev.patchsite.linker.internal.zip;

import dev.patchsite.linker.internal.io.ChunkedIo;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * A range of a file, read by position: a whole jar, or a jar stored uncompressed inside another jar (a Spring Boot
 * application's {@code BOOT-INF/lib/*.jar}), read in place as if it were a file of its own. Positions are relative
 * to the range's start, and no read goes past its end.
 */
final class FileSlice {

    private final FileChannel channel;
    private final long start;
    private final long size;

    private FileSlice(FileChannel channel, long start, long size) {
        this.channel = channel;
        this.start = start;
        this.size = size;
    }

    /** The whole of a file. */
    static FileSlice whole(FileChannel channel) throws IOException {
        return new FileSlice(channel, 0, channel.size());
    }

    /** A range of this range: {@code length} bytes from {@code position} on, which must lie inside it. */
    FileSlice slice(long position, long length) {
        if (position < 0 || length < 0 || position > size - length) {
            throw new IllegalArgumentException("range outside the file");
        }
        return new FileSlice(channel, start + position, length);
    }

    /** Returns the range's length. */
    long size() {
        return size;
    }

    /**
     * Fills a buffer from the given position on, without moving the channel's position, so that many threads can
     * read one file at once.
     *
     * @throws EOFException if the range ends first
     */
    void readFully(ByteBuffer buffer, long position) throws IOException {
        if (position < 0 || buffer.remaining() > size - position) {
            throw new EOFException("entry data truncated");
        }
        ChunkedIo.readFully(channel, buffer, start + position);
    }

    /** Maps part of the range, read-only. */
    ByteBuffer map(long position, long length) throws IOException {
        return channel.map(FileChannel.MapMode.READ_ONLY, start + position, length);
    }

    /**
     * Copies part of the range to a channel, as {@link FileChannel#transferTo} does.
     *
     * @return how many bytes were moved; 0 or less at the range's end
     */
    long transferTo(long position, long count, FileChannel target) throws IOException {
        long limited = Math.min(count, size - position);
        return limited <= 0 ? 0 : channel.transferTo(start + position, limited, target);
    }

    /** Closes the file. */
    void close() throws IOException {
        channel.close();
    }
}
