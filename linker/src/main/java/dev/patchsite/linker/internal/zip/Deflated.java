package dev.patchsite.linker.internal.zip;

import java.io.ByteArrayOutputStream;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * An entry's contents deflated ahead of writing, so that its sizes and checksum go in its local header and the
 * writer needs neither data descriptors nor seeking.
 *
 * @param data the raw deflate stream
 * @param size the uncompressed size
 * @param crc the CRC-32 of the uncompressed bytes
 */
public record Deflated(byte[] data, int size, long crc) {

    /**
     * Deflates bytes.
     *
     * @param bytes the contents
     * @param deflater a deflater writing raw deflate ({@code nowrap}); reset before use, owned by the caller
     * @return the deflated contents
     */
    public static Deflated of(byte[] bytes, Deflater deflater) {
        deflater.reset();
        deflater.setInput(bytes);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 2 + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return new Deflated(out.toByteArray(), bytes.length, crc.getValue());
    }
}
