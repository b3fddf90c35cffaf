package dev.patchsite.linker.internal.zip;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Inflates a raw deflate stream held whole in memory, straight into the reader's buffer: the compressed bytes are
 * given to the {@link Inflater} once, not copied through an intermediate buffer, and the inflater is the thread's
 * own, reset for each entry rather than allocated and ended. Reading may stop anywhere; closing resets the inflater.
 */
final class InflatingStream extends InputStream {

    private static final byte[] PADDING = new byte[1];

    private final Inflater inflater;
    private boolean padded;

    InflatingStream(Inflater inflater, byte[] compressed, int offset, int length) {
        this.inflater = inflater;
        inflater.reset();
        inflater.setInput(compressed, offset, length);
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        try {
            while (true) {
                int inflated = inflater.inflate(buffer, offset, length);
                if (inflated > 0) {
                    return inflated;
                }
                if (inflater.finished() || inflater.needsDictionary()) {
                    return -1;
                }
                if (inflater.needsInput()) {
                    // A raw deflate stream may end without the trailing byte zlib once wanted: feed one zero byte,
                    // once, as java.util.zip.ZipFile does; a stream still unfinished after it is truncated.
                    if (padded) {
                        throw new EOFException("unexpected end of deflated data");
                    }
                    padded = true;
                    inflater.setInput(PADDING);
                }
            }
        } catch (DataFormatException e) {
            throw new java.util.zip.ZipException(e.getMessage() == null ? "invalid deflated data" : e.getMessage());
        }
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public void close() {
        inflater.reset();
    }
}
