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
        byte[] header = new byte[LOCAL_HEADER + name.length];
        put32(header, 0, LOCAL_SIGNATURE);
        put16(header, 4, VERSION);
        put16(header, 6, flags(name));
        put16(header, 8, Decompression.DEFLATED);
        put32(header, 10, dosTime);
        put32(header, 14, data.crc());
        put32(header, 18, data.data().length);
        put32(header, 22, data.size());
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
