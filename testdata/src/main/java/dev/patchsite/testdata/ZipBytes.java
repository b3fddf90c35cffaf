package dev.patchsite.testdata;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * A hand-written zip writer, for archives that {@code java.util.zip.ZipOutputStream} refuses to write (two entries of
 * one name) or cannot write (an entry whose compressed data is not what its header says). Writes local headers and
 * data, then the central directory and its end record; no data descriptors, no extra fields, no zip64. Every entry has
 * the same fixed time (1980-01-01 00:00), so the output depends only on the entries given.
 */
final class ZipBytes {

    static final int STORED = 0;
    static final int DEFLATED = 8;

    private static final int DOS_TIME = 0;
    private static final int DOS_DATE = (1 << 5) | 1; // 1980-01-01

    private final ByteArrayOutputStream data = new ByteArrayOutputStream();
    private final ByteArrayOutputStream central = new ByteArrayOutputStream();
    private int entries;

    /** Adds an entry stored uncompressed. */
    ZipBytes stored(String name, byte[] content) {
        return raw(name, STORED, content, crc(content), content.length);
    }

    /** Adds an entry compressed with {@code Deflater}. */
    ZipBytes deflated(String name, byte[] content) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        deflater.setInput(content);
        deflater.finish();
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        while (!deflater.finished()) {
            compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return raw(name, DEFLATED, compressed.toByteArray(), crc(content), content.length);
    }

    /**
     * Adds an entry exactly as given: the headers announce {@code method}, {@code crc} and {@code size}, and the data is
     * {@code compressed}, whatever it holds.
     */
    ZipBytes raw(String name, int method, byte[] compressed, long crc, int size) {
        byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
        int offset = data.size();
        int version = method == STORED ? 10 : 20;

        le32(data, 0x04034b50); // local file header signature
        le16(data, version); // version needed to extract
        le16(data, 0x0800); // flags: UTF-8 name
        le16(data, method);
        le16(data, DOS_TIME);
        le16(data, DOS_DATE);
        le32(data, crc);
        le32(data, compressed.length);
        le32(data, size);
        le16(data, nameBytes.length);
        le16(data, 0); // extra field length
        data.write(nameBytes, 0, nameBytes.length);
        data.write(compressed, 0, compressed.length);

        le32(central, 0x02014b50); // central file header signature
        le16(central, (3 << 8) | 20); // version made by: Unix, 2.0
        le16(central, version);
        le16(central, 0x0800);
        le16(central, method);
        le16(central, DOS_TIME);
        le16(central, DOS_DATE);
        le32(central, crc);
        le32(central, compressed.length);
        le32(central, size);
        le16(central, nameBytes.length);
        le16(central, 0); // extra field length
        le16(central, 0); // comment length
        le16(central, 0); // disk number start
        le16(central, 0); // internal attributes
        le32(central, 0100644L << 16); // external attributes: a regular file, rw-r--r--
        le32(central, offset);
        central.write(nameBytes, 0, nameBytes.length);

        entries++;
        return this;
    }

    /** Returns the whole archive. */
    byte[] toByteArray() {
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        zip.writeBytes(data.toByteArray());
        int centralOffset = zip.size();
        zip.writeBytes(central.toByteArray());
        le32(zip, 0x06054b50); // end of central directory signature
        le16(zip, 0); // number of this disk
        le16(zip, 0); // disk where the central directory starts
        le16(zip, entries); // entries on this disk
        le16(zip, entries); // entries in total
        le32(zip, central.size());
        le32(zip, centralOffset);
        le16(zip, 0); // comment length
        return zip.toByteArray();
    }

    static long crc(byte[] content) {
        CRC32 crc = new CRC32();
        crc.update(content, 0, content.length);
        return crc.getValue();
    }

    private static void le16(ByteArrayOutputStream out, int value) {
        out.write(value);
        out.write(value >>> 8);
    }

    private static void le32(ByteArrayOutputStream out, long value) {
        le16(out, (int) (value & 0xFFFF));
        le16(out, (int) ((value >>> 16) & 0xFFFF));
    }
}
