package dev.patchsite.linker.scan;

/**
 * What the scanner remembers of each class's pool between its passes: the hashes of the classes whose methods it
 * references, folded into 128 bits (16 bytes a class, where the hashes themselves took about 90). A bit set for a
 * group means the class may reference it and is read again; a bit clear means it certainly does not.
 */
final class OwnerBlooms {

    private static final int WORDS = 2;

    private final long[] bits;

    OwnerBlooms(int classes) {
        bits = new long[WORDS * classes];
    }

    /** Records the owner hashes of class {@code index}; each class is recorded by one thread, once. */
    void set(int index, int[] ownerHashes) {
        for (int hash : ownerHashes) {
            int bit = bit(hash);
            bits[WORDS * index + (bit >>> 6)] |= 1L << bit;
        }
    }

    /** Sets the bits of class {@code index} as {@link #word} returned them, from a scan cache. */
    void set(int index, long low, long high) {
        bits[WORDS * index] = low;
        bits[WORDS * index + 1] = high;
    }

    /** Returns one of the two words of class {@code index}'s bits, 0 for the low one, for a scan cache. */
    long word(int index, int word) {
        return bits[WORDS * index + word];
    }

    /** Returns whether class {@code index} may reference a method of a class with the given hash. */
    boolean mayContain(int index, int hash) {
        int bit = bit(hash);
        return (bits[WORDS * index + (bit >>> 6)] & 1L << bit) != 0;
    }

    /** Spreads a hash's bits before taking seven of them: owner-name hashes differ mostly in their low bits. */
    private static int bit(int hash) {
        return (hash * 0x9E3779B9) >>> 25;
    }
}
