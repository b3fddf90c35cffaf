package dev.patchsite.linker.internal.classfile;

import java.io.IOException;
import java.io.InputStream;
import dev.patchsite.linker.internal.zip.ZipArchive;
import java.util.Arrays;

/**
 * The bytes of one class file, pulled from its stream only as far as they are needed: the scanner looks at the
 * constant pool first and reads the rest of the class only if the pool says it may hold a site. One buffer per
 * thread, reused from class to class.
 */
final class ClassBuffer {

    /** The least a read pulls from the stream. */
    private static final int CHUNK = 1024;

    private byte[] bytes = new byte[16 * 1024];
    private int length;
    private InputStream in;

    /** Starts a new class, read from the given stream, which the caller closes. */
    void start(InputStream stream) {
        this.in = stream;
        this.length = 0;
    }

    /** Starts a new class whose bytes are all given. */
    void start(byte[] classBytes) {
        this.in = null;
        this.bytes = classBytes;
        this.length = classBytes.length;
    }

    /**
     * Makes sure the first {@code n} bytes are in the buffer.
     *
     * @throws MalformedClassException if the class file ends before
     */
    void require(int n) throws IOException {
        if (n <= length) {
            return;
        }
        if (n > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(n, bytes.length * 2));
        }
        while (length < n) {
            // Pull little more than asked: inflating is most of a scan's cost, and most classes are looked at only
            // as far as the end of their constant pool.
            int read = in == null ? -1 : in.read(bytes, length, Math.min(bytes.length - length,
                    Math.max(n - length, CHUNK)));
            if (read < 0) {
                throw new MalformedClassException("truncated class file (" + length + " bytes)");
            }
            length += read;
        }
    }

    /** Reads the rest of the class file. */
    void readAll() throws IOException {
        if (in == null) {
            return;
        }
        while (true) {
            if (length == bytes.length) {
                if (length >= ZipArchive.MAX_ENTRY_SIZE) {
                    throw new MalformedClassException("class file larger than " + (ZipArchive.MAX_ENTRY_SIZE >> 20)
                            + " MiB");
                }
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            int read = in.read(bytes, length, bytes.length - length);
            if (read < 0) {
                in = null;
                return;
            }
            length += read;
        }
    }

    /** Returns the buffer; valid up to {@link #length()}, and only until the next call that reads. */
    byte[] bytes() {
        return bytes;
    }

    /** Returns how many bytes have been read. */
    int length() {
        return length;
    }

    /** Returns a copy of the bytes read. */
    byte[] copy() {
        return Arrays.copyOf(bytes, length);
    }

    int u1(int offset) {
        return bytes[offset] & 0xff;
    }

    int u2(int offset) {
        return (bytes[offset] & 0xff) << 8 | bytes[offset + 1] & 0xff;
    }

    int s4(int offset) {
        return (bytes[offset] & 0xff) << 24 | (bytes[offset + 1] & 0xff) << 16 | (bytes[offset + 2] & 0xff) << 8
                | bytes[offset + 3] & 0xff;
    }
}
