package dev.patchsite.linker.internal.input;

/**
 * What an archive's central directory says of an entry, read without inflating it: enough to tell that it has the
 * name and holds the bytes it had when a scan last read it.
 *
 * @param nameHash a 64-bit hash of the entry's name
 * @param crc the CRC-32 of the uncompressed bytes
 * @param compressedSize the size as stored
 * @param size the uncompressed size
 */
public record EntryStamp(long nameHash, long crc, long compressedSize, long size) {
}
