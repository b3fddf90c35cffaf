package dev.patchsite.linker.internal.zip;

import java.io.IOException;
import java.io.InputStream;
import java.util.zip.CRC32;
import java.util.zip.ZipException;

/**
 * An entry's contents as they are decompressed, held to what its central record declares: never more bytes than its
 * size (so no reader, however it reads, inflates a zip bomb past it), and, once read to its end, exactly that many,
 * with the CRC-32 the record gives. The CRC is computed on the bytes as they pass, so checking it costs no pass of
 * its own; a stream closed before its end (a class whose constant pool was all a reader needed) is not checked.
 */
final class EntryStream extends InputStream {

    private final InputStream in;
    private final long size;
    private final long crc;
    private final CRC32 actual = new CRC32();
    private long count;
    private boolean ended;

    EntryStream(InputStream in, long size, long crc) {
        this.in = in;
        this.size = size;
        this.crc = crc;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        if (ended) {
            return -1;
        }
        // One byte past the declared size is enough to tell that the entry holds more; never ask for more than that.
        int read = in.read(buffer, offset, (int) Math.min(length, size - count + 1));
        if (read < 0) {
            end();
            return -1;
        }
        count += read;
        if (count > size) {
            throw new ZipException("entry holds more than the " + size + " bytes its central record declares");
        }
        actual.update(buffer, offset, read);
        return read;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    private void end() throws ZipException {
        ended = true;
        if (count != size) {
            throw new ZipException("entry holds " + count + " bytes, not the " + size + " its central record declares");
        }
        if (actual.getValue() != crc) {
            throw new ZipException(crcMismatch(actual.getValue(), crc));
        }
    }

    /** The message for contents whose CRC-32 is not the declared one. */
    static String crcMismatch(long actual, long declared) {
        return String.format("entry's CRC-32 is %08x, not the %08x its central record declares (corrupt or altered)",
                actual, declared);
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
