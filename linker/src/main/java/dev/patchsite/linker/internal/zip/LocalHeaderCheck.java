package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.LOCAL_HEADER;
import static dev.patchsite.linker.internal.zip.ZipFormat.LOC_EXTRA_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.LOC_NAME_LENGTH;
import static dev.patchsite.linker.internal.zip.ZipFormat.MASK32;
import static dev.patchsite.linker.internal.zip.ZipFormat.u16;
import static dev.patchsite.linker.internal.zip.ZipFormat.u32;

import dev.patchsite.linker.OneLine;
import java.nio.charset.StandardCharsets;
import java.util.zip.ZipException;

/**
 * Refuses a local header that disagrees with its entry's central record. Readers that walk local headers
 * ({@code JarInputStream}, {@code unzip} on a damaged file) see the local name, method and sizes, the JVM and this
 * reader the central ones: an entry copied raw with a header that says otherwise would be another entry to them
 * (a {@code ../} name, say). So the name and method must be the same; the CRC and sizes too, unless a data
 * descriptor carries them (then the header may hold zeros) or a zip64 field does; and the extra field must be
 * well formed: blocks that fill it exactly, or end in zero padding as {@code zipalign} leaves.
 */
final class LocalHeaderCheck {

    private LocalHeaderCheck() {
    }

    /**
     * Checks a local header.
     *
     * @param archive the archive
     * @param entry the entry whose header it is
     * @param bytes the header's fixed part, name and extra field, from {@code at} on
     * @param at where the header starts in {@code bytes}
     * @throws ZipException naming what disagrees, not the entry: the caller does
     */
    static void check(ZipArchive archive, int entry, byte[] bytes, int at) throws ZipException {
        if (u32(bytes, at) != ZipFormat.LOCAL_SIGNATURE) {
            throw new ZipException("no local header where the central directory puts it (corrupt archive)");
        }
        int nameLength = u16(bytes, at + LOC_NAME_LENGTH);
        if (!sameName(archive, entry, bytes, at + LOCAL_HEADER, nameLength)) {
            throw disagrees("name \"" + new String(bytes, at + LOCAL_HEADER, nameLength, StandardCharsets.UTF_8)
                    + "\"");
        }
        if (u16(bytes, at + 8) != archive.method(entry)) {
            throw disagrees("compression method " + u16(bytes, at + 8));
        }
        if ((u16(bytes, at + 6) & ZipFormat.FLAG_DESCRIPTOR) == 0) {
            checkValue(bytes, at + 14, archive.crc(entry), "CRC-32");
            checkValue(bytes, at + 18, archive.compressedSize(entry), "compressed size");
            checkValue(bytes, at + 22, archive.size(entry), "size");
        }
        int extra = at + LOCAL_HEADER + nameLength;
        checkExtra(bytes, extra, extra + u16(bytes, at + LOC_EXTRA_LENGTH));
    }

    private static boolean sameName(ZipArchive archive, int entry, byte[] bytes, int start, int length) {
        if (archive.nameLength(entry) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (archive.nameByte(entry, i) != bytes[start + i]) {
                return false;
            }
        }
        return true;
    }

    /** A 32-bit field must hold the central value, or say that a zip64 field holds it. */
    private static void checkValue(byte[] bytes, int at, long central, String what) throws ZipException {
        long local = u32(bytes, at);
        if (local != central && local != MASK32) {
            throw disagrees(what + " " + local);
        }
    }

    private static void checkExtra(byte[] bytes, int start, int end) throws ZipException {
        int at = start;
        while (end - at >= 4) {
            int next = at + 4 + u16(bytes, at + 2);
            if (next > end) {
                break;
            }
            at = next;
        }
        for (int i = at; i < end; i++) {
            if (bytes[i] != 0) {
                throw new ZipException("local header's extra field is malformed (corrupt or hostile archive)");
            }
        }
    }

    private static ZipException disagrees(String what) {
        return new ZipException("local header disagrees with the central directory: " + OneLine.of(what)
                + " (corrupt or hostile archive)");
    }
}
