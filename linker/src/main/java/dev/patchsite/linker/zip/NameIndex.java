package dev.patchsite.linker.zip;

import static dev.patchsite.linker.zip.ZipFormat.CENTRAL_HEADER;

import java.nio.ByteBuffer;

/**
 * Finds entries by name without a string per entry: an open-addressing table of entry numbers, hashed and compared
 * on the names' bytes where they lie in the central directory. Four to eight bytes per entry.
 */
final class NameIndex {

    private final ZipArchive archive;
    private final int[] slots;
    private final int mask;
    private int firstDuplicate = -1;

    NameIndex(ZipArchive archive) {
        this.archive = archive;
        int capacity = Integer.highestOneBit(Math.max(4, archive.size() * 2 - 1)) << 1;
        this.slots = new int[capacity];
        this.mask = capacity - 1;
        for (int entry = 0; entry < archive.size(); entry++) {
            add(entry);
        }
    }

    private void add(int entry) {
        ByteBuffer central = archive.central();
        int start = archive.record(entry) + CENTRAL_HEADER;
        int length = archive.nameLength(entry);
        int hash = 0;
        for (int i = 0; i < length; i++) {
            hash = 31 * hash + central.get(start + i);
        }
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int other = slots[slot] - 1;
            if (other < 0) {
                slots[slot] = entry + 1;
                return;
            }
            if (firstDuplicate < 0 && equal(other, central, start, length)) {
                firstDuplicate = entry;
            }
        }
    }

    /** Returns the entry named by the given bytes, or -1; of two with one name, the first. */
    int find(byte[] name) {
        int hash = 0;
        for (byte b : name) {
            hash = 31 * hash + b;
        }
        for (int slot = spread(hash) & mask; ; slot = (slot + 1) & mask) {
            int entry = slots[slot] - 1;
            if (entry < 0) {
                return -1;
            }
            if (equal(entry, name)) {
                return entry;
            }
        }
    }

    /** Returns the first entry whose name an earlier entry has, or -1. */
    int firstDuplicate() {
        return firstDuplicate;
    }

    private boolean equal(int entry, byte[] name) {
        if (archive.nameLength(entry) != name.length) {
            return false;
        }
        for (int i = 0; i < name.length; i++) {
            if (archive.nameByte(entry, i) != name[i]) {
                return false;
            }
        }
        return true;
    }

    private boolean equal(int entry, ByteBuffer central, int start, int length) {
        if (archive.nameLength(entry) != length) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            if (archive.nameByte(entry, i) != central.get(start + i)) {
                return false;
            }
        }
        return true;
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }
}
