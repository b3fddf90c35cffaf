package dev.patchsite.linker.scan;

import dev.patchsite.linker.internal.cache.ClassFacts;
import dev.patchsite.linker.internal.cache.JarCache;
import dev.patchsite.linker.internal.cache.ScanCache;
import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.input.ClassEntry;
import dev.patchsite.linker.internal.input.ClassSource;
import dev.patchsite.linker.table.Site;
import java.util.BitSet;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The scan cache as one scan uses it: for each class entry, its jar's cache and the record the cache had of the entry
 * as it is now (a hit), and, once the scan is done, the records each jar's cache is replaced with.
 */
final class CacheUse {

    private final List<ClassEntry> entries;
    /** Per entry: its jar's cache, or null (no cache, or a directory of classes). */
    private final JarCache[] jars;
    /** Per entry: its position among its jar's scanned entries. */
    private final int[] positions;
    /** Per entry: its record's number plus one, or 0 if the cache had none. */
    private final int[] hits;

    private CacheUse(List<ClassEntry> entries, JarCache[] jars, int[] positions) {
        this.entries = entries;
        this.jars = jars;
        this.positions = positions;
        this.hits = new int[entries.size()];
    }

    /** Opens the caches of the entries' jars, or none if there is no cache. */
    static CacheUse open(ScanCache cache, List<ClassEntry> entries) {
        JarCache[] jars = new JarCache[entries.size()];
        int[] positions = new int[entries.size()];
        if (cache != null) {
            // A source's visible entries come one after the other, in its order.
            ClassSource source = null;
            JarCache jar = null;
            int position = 0;
            for (int i = 0; i < entries.size(); i++) {
                if (entries.get(i).source() != source) {
                    source = entries.get(i).source();
                    jar = cache.load(source);
                    position = 0;
                }
                jars[i] = jar;
                positions[i] = position++;
            }
        }
        return new CacheUse(entries, jars, positions);
    }

    /** Looks an entry up in its jar's cache, and returns whether the cache has it; once per entry, from any thread. */
    boolean lookup(int i) {
        JarCache jar = jars[i];
        if (jar == null) {
            return false;
        }
        ClassEntry entry = entries.get(i);
        hits[i] = jar.find(positions[i], entry.source().stamp(entry)) + 1;
        return hits[i] > 0;
    }

    /** Returns whether the cache had the entry. */
    boolean isHit(int i) {
        return hits[i] > 0;
    }

    /** Returns a cached entry's superclass name hash. */
    int superHash(int i) {
        return jars[i].superHash(hits[i] - 1);
    }

    /** Returns one of the two words of a cached entry's owner bloom. */
    long owners(int i, int word) {
        return jars[i].owners(hits[i] - 1, word);
    }

    /** Returns whether a cached entry declares functions or variants. */
    boolean declares(int i) {
        return jars[i].declares(hits[i] - 1);
    }

    /** Returns whether the cache holds a cached entry's class as validation reads it. */
    boolean hasDeclaration(int i) {
        return jars[i].hasDeclaration(hits[i] - 1);
    }

    /** Returns a cached entry's class as validation reads it, located where the entry is now. */
    ClassInfo declaration(int i) {
        return jars[i].declaration(hits[i] - 1, entries.get(i).location());
    }

    /** Returns a cached entry's sites, or null for none. */
    List<Site> sites(int i) {
        return jars[i].sites(hits[i] - 1);
    }

    /** Returns which of a cached entry's sites call the default in a linked form. */
    BitSet callsDefault(int i) {
        return jars[i].callsDefault(hits[i] - 1);
    }

    /** Returns whether the cached sites of an entry hold for the functions of this scan. */
    boolean sitesHold(int i, byte[] fingerprint) {
        return hits[i] > 0 && jars[i].sitesFoundWith(fingerprint);
    }

    /**
     * Hands each jar's cache the records of this scan, which it saves as it needs to: nothing if they are its own, a
     * delta if a few are new ({@link JarCache}).
     *
     * @param fingerprint the fingerprint of the functions the sites were found with
     * @param facts what the scan found of entry {@code i}, or null if it is what the entry's record says
     */
    void save(byte[] fingerprint, IntFunction<ClassFacts> facts) {
        for (int start = 0, end; start < entries.size(); start = end) {
            JarCache jar = jars[start];
            end = start + 1;
            while (end < entries.size() && jars[end] == jar) {
                end++;
            }
            if (jar == null || !jar.replaceable()) {
                continue;
            }
            JarCache.NewFile file = jar.newFile(end - start);
            for (int i = start; i < end; i++) {
                ClassFacts found = facts.apply(i);
                if (found == null) {
                    file.keep(hits[i] - 1); // its record as it is, copied as raw bytes
                } else {
                    ClassEntry entry = entries.get(i);
                    file.add(entry.source().stamp(entry), found);
                }
            }
            file.save(fingerprint);
        }
    }
}
