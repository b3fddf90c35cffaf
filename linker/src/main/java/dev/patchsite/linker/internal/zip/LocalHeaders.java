package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.LOCAL_HEADER;
import static dev.patchsite.linker.internal.zip.ZipFormat.LOCAL_SIGNATURE;
import static dev.patchsite.linker.internal.zip.ZipFormat.put16;
import static dev.patchsite.linker.internal.zip.ZipFormat.put32;

/** Local file headers for the entries a {@link ZipWriter} deflates itself. */
final class LocalHeaders {

    private static final int VERSION = 20;

    private LocalHeaders() {
    }

    /** The header of a deflated entry whose sizes and CRC are known, so no data descriptor follows. */
    static byte[] of(byte[] name, int dosTime, Deflated data) {
        return of(name, dosTime, Decompression.DEFLATED, data.crc(), data.data().length, data.size());
    }

    /** The header of an entry whose method, CRC and sizes are known, so no data descriptor follows. */
    static byte[] of(byte[] name, int dosTime, int method, long crc, long compressed, long size) {
        byte[] header = new byte[LOCAL_HEADER + name.length];
        put32(header, 0, LOCAL_SIGNATURE);
        put16(header, 4, VERSION);
        put16(header, 6, flags(name));
        put16(header, 8, method);
        put32(header, 10, dosTime);
        put32(header, 14, crc);
        put32(header, 18, compressed);
        put32(header, 22, size);
        put16(header, ZipFormat.LOC_NAME_LENGTH, name.length);
        System.arraycopy(name, 0, header, LOCAL_HEADER, name.length);
        return header;
    }

    /** The flags of an added entry: the UTF-8 flag when the name is not plain ASCII, as the JDK's writer sets it. */
    static int flags(byte[] name) {
        for (byte b : name) {
            if (b < 0) {
                return ZipFormat.FLAG_UTF8;
            }
        }
        return 0;
    }
}
