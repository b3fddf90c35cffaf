package dev.patchsite.linker.internal.zip;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** Positional reads that fill their buffer or fail. */
final class Channels {

    private Channels() {
    }

    /**
     * Fills a buffer from a file, from the given position on, without moving the channel's position, so that many
     * threads can read one file at once.
     *
     * @throws EOFException if the file ends first
     */
    static void readFully(FileChannel channel, ByteBuffer buffer, long position) throws IOException {
        long at = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, at);
            if (read < 0) {
                throw new EOFException("entry data truncated");
            }
            at += read;
        }
    }
}
