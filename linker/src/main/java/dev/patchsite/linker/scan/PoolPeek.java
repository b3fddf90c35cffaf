package dev.patchsite.linker.scan;

import dev.patchsite.linker.internal.classfile.ConstantPool;
import dev.patchsite.linker.internal.classfile.ModifiedUtf8;
import java.util.Arrays;

/**
 * What a class's constant pool alone tells the scanner: whether the class may declare functions or variants (it
 * mentions the annotations), and which classes it calls methods of (as name hashes), so that a class that cannot
 * reference any function is never parsed further.
 *
 * @param declares true if the pool holds the descriptor of {@code @RuntimeStatic} or {@code @Variant}
 * @param ownerHashes the sorted, distinct hashes of the owners of the pool's method references
 */
record PoolPeek(boolean declares, int[] ownerHashes) {

    /** The descriptor of {@code dev.patchsite.RuntimeStatic}. */
    static final String RUNTIME_STATIC = "Ldev/patchsite/RuntimeStatic;";
    /** The descriptor of {@code dev.patchsite.Variant}. */
    static final String VARIANT = "Ldev/patchsite/Variant;";

    private static final byte[] RUNTIME_STATIC_BYTES = ModifiedUtf8.encode(RUNTIME_STATIC);
    private static final byte[] VARIANT_BYTES = ModifiedUtf8.encode(VARIANT);
    private static final int[] NONE = new int[0];

    /** Examines a pool. */
    static PoolPeek of(ConstantPool pool) {
        boolean declares = false;
        int[] hashes = null;
        int n = 0;
        // Many method references share an owner: each owner's name is hashed once.
        boolean[] hashed = null;
        for (int i = 1; i < pool.count(); i++) {
            int tag = pool.tag(i);
            if (tag == ConstantPool.UTF8) {
                declares = declares || pool.utf8Equals(i, RUNTIME_STATIC_BYTES) || pool.utf8Equals(i, VARIANT_BYTES);
            } else if (tag == ConstantPool.METHODREF || tag == ConstantPool.INTERFACE_METHODREF) {
                int owner = pool.methodOwnerNameIndex(i);
                if (hashed == null) {
                    hashed = new boolean[pool.count()];
                    hashes = new int[16];
                }
                if (hashed[owner]) {
                    continue;
                }
                hashed[owner] = true;
                if (n == hashes.length) {
                    hashes = Arrays.copyOf(hashes, n * 2);
                }
                hashes[n++] = pool.utf8Hash(owner);
            }
        }
        return new PoolPeek(declares, hashes == null ? NONE : distinctSorted(hashes, n));
    }

    private static int[] distinctSorted(int[] hashes, int n) {
        Arrays.sort(hashes, 0, n);
        int distinct = 0;
        for (int i = 0; i < n; i++) {
            if (distinct == 0 || hashes[distinct - 1] != hashes[i]) {
                hashes[distinct++] = hashes[i];
            }
        }
        return Arrays.copyOf(hashes, distinct);
    }

    /**
     * Returns whether the pool references a method of one of the index's functions, which is exact: the owner hash
     * filters, then the name and descriptor are compared.
     */
    static boolean referencesFunction(ConstantPool pool, FunctionIndex index, int[] ownerHashes) {
        return index.mayReferenceGroup(ownerHashes) && referencesFunction(pool, index);
    }

    /** Returns whether the pool references a method of one of the index's functions, without the hash filter. */
    static boolean referencesFunction(ConstantPool pool, FunctionIndex index) {
        for (int i = 1; i < pool.count(); i++) {
            int tag = pool.tag(i);
            if ((tag == ConstantPool.METHODREF || tag == ConstantPool.INTERFACE_METHODREF)
                    && index.mayBeGroup(pool.utf8Hash(pool.methodOwnerNameIndex(i)))
                    && index.function(pool.method(i)) != null) {
                return true;
            }
        }
        return false;
    }
}
