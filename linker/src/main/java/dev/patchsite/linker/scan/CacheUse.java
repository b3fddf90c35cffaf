package dev.patchsite.linker.scan;

import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.internal.cache.ClassFacts;
import dev.patchsite.linker.internal.cache.JarCache;
import dev.patchsite.linker.internal.cache.ScanCache;
import dev.patchsite.linker.internal.input.ClassEntry;
import dev.patchsite.linker.internal.input.ClassSource;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The scan cache as one scan uses it: for each class entry, its jar's cache and what the cache had of the entry as it
 * is now (a hit), and, once the scan is done, the records each jar's cache is replaced with.
 */
final class CacheUse {

    private final List<ClassEntry> entries;
    /** Per entry: its jar's cache, or null (no cache, or a directory of classes). */
    private final JarCache[] jars;
    /** Per entry: its position among its jar's scanned entries. */
    private final int[] positions;
    private final ClassFacts[] hits;

    private CacheUse(List<ClassEntry> entries, JarCache[] jars, int[] positions) {
        this.entries = entries;
        this.jars = jars;
        this.positions = positions;
        this.hits = new ClassFacts[entries.size()];
    }

    /** Opens the caches of the request's jars, or none if the request has no cache directory. */
    static CacheUse open(ScanRequest request, List<ClassEntry> entries) {
        JarCache[] jars = new JarCache[entries.size()];
        int[] positions = new int[entries.size()];
        if (request.cache() != null) {
            ScanCache cache = ScanCache.in(request.cache(), request.log());
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

    /** Looks an entry up in its jar's cache; called once per entry, from any thread. */
    ClassFacts lookup(int i) {
        JarCache jar = jars[i];
        if (jar == null) {
            return null;
        }
        ClassEntry entry = entries.get(i);
        ClassFacts found = jar.find(positions[i], entry.source().stamp(entry));
        hits[i] = found;
        return found;
    }

    /** Returns what the cache had of an entry, or null if it had nothing (or the entry was not looked up yet). */
    ClassFacts hit(int i) {
        return hits[i];
    }

    /** Returns whether the cached sites of an entry hold for the functions of this scan. */
    boolean sitesHold(int i, byte[] fingerprint) {
        return hits[i] != null && jars[i].sitesFoundWith(fingerprint);
    }

    /**
     * Replaces each jar's cache with what this scan found.
     *
     * @param fingerprint the fingerprint of the functions the sites were found with
     * @param facts what the scan found of entry {@code i}
     */
    void save(byte[] fingerprint, IntFunction<ClassFacts> facts) {
        for (int start = 0, end; start < entries.size(); start = end) {
            JarCache jar = jars[start];
            end = start + 1;
            while (end < entries.size() && jars[end] == jar) {
                end++;
            }
            if (jar == null) {
                continue;
            }
            ClassFacts[] found = new ClassFacts[end - start];
            boolean unchanged = jar.sitesFoundWith(fingerprint) && jar.size() == found.length;
            for (int i = start; i < end; i++) {
                found[i - start] = facts.apply(i);
                unchanged = unchanged && jar.holdsAt(positions[i], found[i - start]);
            }
            if (!unchanged) {
                List<JarCache.Record> records = new ArrayList<>(found.length);
                for (int i = start; i < end; i++) {
                    ClassEntry entry = entries.get(i);
                    records.add(new JarCache.Record(entry.source().stamp(entry), found[i - start]));
                }
                jar.save(fingerprint, records);
            }
        }
    }
}
