package dev.patchsite.linker.internal.zip;

import static dev.patchsite.linker.internal.zip.ZipFormat.CENTRAL_HEADER;

import java.util.SplittableRandom;

/**
 * Finds entries by name without a string per entry: an open-addressing table of entry numbers, hashed and compared
 * on the names' bytes where they lie in the central directory, and each name's fixed 64-bit hash (FNV-1a), taken in
 * the same pass over the names' bytes. Twelve to sixteen bytes per entry.
 */
final class NameIndex {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private final ZipArchive archive;
    private final int[] slots;
    private final int mask;
    /** Per entry, the FNV-1a hash of its name. */
    private final long[] fixedHashes;
    private int firstDuplicate = -1;
    /** The name being added; only used while the index is built, by one thread. */
    private byte[] name = new byte[256];

    NameIndex(ZipArchive archive) {
        this.archive = archive;
        int capacity = Integer.highestOneBit(Math.max(4, archive.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        this.fixedHashes = new long[archive.size()];
        for (int entry = 0; entry < archive.size(); entry++) {
            add(entry);
        }
    }

    private void add(int entry) {
        // Names are copied out in bulk: reading a buffer byte by byte costs more than hashing.
        int length = archive.nameLength(entry);
        if (name.length < length) {
            name = new byte[Math.max(length, 2 * name.length)];
        }
        archive.central().get(archive.record(entry) + CENTRAL_HEADER, name, 0, length);
        // Both hashes in one pass over the name's bytes: a big jar's names are millions of them.
        int hash = 0;
        long fixed = FNV_OFFSET;
        for (int i = 0; i < length; i++) {
            hash = step(hash, name[i]);
            fixed = (fixed ^ (name[i] & 0xff)) * FNV_PRIME;
        }
        fixedHashes[entry] = fixed;
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int other = slots[slot] - 1;
            if (other < 0) {
                slots[slot] = entry + 1;
                return;
            }
            if (firstDuplicate < 0 && equal(other, name, length)) {
                firstDuplicate = entry;
            }
        }
    }

    /**
     * A multiplier drawn once per run, mixed non-linearly: with a fixed one (31, as {@code String.hashCode}), or any
     * purely polynomial hash, names that collide are easy to make, and a directory of such names would make
     * building the index quadratic in their number. Which slot an entry takes never shows in any result, so the
     * output stays deterministic. The seed comes from the clocks ({@link SplittableRandom}'s), which a jar made
     * beforehand cannot predict; not from {@code SecureRandom}, whose providers cost a fresh JVM 35 to 55 ms here, a
     * tenth of a rescan that finds 1% of a big jar's classes changed.
     */
    private static final int MULTIPLIER = new SplittableRandom().nextInt() | 1;

    private static int hash(byte[] bytes, int length) {
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = step(hash, bytes[i]);
        }
        return hash;
    }

    private static int step(int hash, byte b) {
        int mixed = (hash + b) * MULTIPLIER;
        return mixed ^ mixed >>> 15;
    }


    /**
     * Returns an entry's fixed name hash (FNV-1a, 64 bits): the same in every run, unlike {@link #hash}, so the scan
     * cache records an entry by it. Names made to collide under it cost only the cache's use, never a result: a record
     * is used only with the entry's CRC-32 and sizes.
     */
    long fixedHash(int entry) {
        return fixedHashes[entry];
    }

    /** Returns the entry named by the given bytes, or -1; of two with one name, the first. */
    int find(byte[] wanted) {
        for (int slot = spread(hash(wanted, wanted.length)) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (equal(entry, wanted, wanted.length)) {
                return entry;
            }
        }
    }

    /** Returns the first entry whose name an earlier entry has, or -1. */
    int firstDuplicate() {
        return firstDuplicate;
    }

    /** Compares an entry's name with the first {@code length} bytes of an array. */
    private boolean equal(int entry, byte[] bytes, int length) {
        if (archive.nameLength(entry) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (archive.nameByte(entry, i) != bytes[i]) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
