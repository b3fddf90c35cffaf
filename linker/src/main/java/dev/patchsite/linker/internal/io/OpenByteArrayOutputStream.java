package dev.patchsite.linker.internal.io;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * A {@link ByteArrayOutputStream} whose bytes are handed on as they lie in it, without the copy
 * {@link #toByteArray()} makes: a cache file of megabytes is written from its parts ({@link ChunkedIo}).
 */
public final class OpenByteArrayOutputStream extends ByteArrayOutputStream {

    /**
     * Creates a stream.
     *
     * @param size the initial capacity: what it will about hold, so that it is not copied as it grows
     */
    public OpenByteArrayOutputStream(int size) {
        super(size);
    }

    /**
     * Returns the bytes written so far, not copied: to be used before anything more is written.
     *
     * @return a buffer over them
     */
    public synchronized ByteBuffer view() {
        return ByteBuffer.wrap(buf, 0, count);
    }
}
