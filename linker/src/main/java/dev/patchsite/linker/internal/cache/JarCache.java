package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.input.EntryStamp;
import dev.patchsite.linker.table.Site;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One jar's cache: the records the last scan of the jar left, found by entry and read in place, and the file they are
 * replaced in after this scan. A record is used only for an entry of the same name, CRC-32 and sizes; what the
 * records say of sites holds only for the functions they were found with ({@link #sitesFoundWith}). Lookups may come
 * from several threads at once.
 */
public final class JarCache {

    private final ScanCache directory;
    private final String input;
    private final String file;
    private final CacheFile.Opened records;
    private final boolean replaceable;
    private volatile Map<Long, Integer> byName;
    private volatile byte[] confirmed;

    JarCache(ScanCache directory, String input, String file, CacheFile.Opened records, boolean replaceable) {
        this.directory = directory;
        this.input = input;
        this.file = file;
        this.records = records;
        this.replaceable = replaceable;
    }

    /**
     * What a scan leaves of one entry for the next.
     *
     * @param stamp what the jar's directory says of the entry
     * @param facts what it contributed to the scan
     */
    public record Record(EntryStamp stamp, ClassFacts facts) {
    }

    /**
     * Finds the record of an unchanged entry.
     *
     * @param position the entry's position among the jar's scanned entries, where its record is if the jar's list of
     *     classes did not change
     * @param stamp what the jar's directory says of it now
     * @return the record's number, or -1 if the cache has no record of the entry as it is now
     */
    public int find(int position, EntryStamp stamp) {
        if (records == null) {
            return -1;
        }
        long hash = stamp.nameHash();
        int r = position < records.count() && records.nameHash(position) == hash ? position
                : byName().getOrDefault(hash, -1);
        return r >= 0 && records.nameHash(r) == hash && records.crc(r) == stamp.crc()
                && records.compressedSize(r) == stamp.compressedSize() && records.size(r) == stamp.size() ? r : -1;
    }

    /**
     * Returns the key of a record: what the jar's directory said of its entry.
     *
     * @param r the record
     * @return its name hash, CRC-32 and sizes
     */
    public EntryStamp stamp(int r) {
        return new EntryStamp(records.nameHash(r), records.crc(r), records.compressedSize(r), records.size(r));
    }

    /** Returns a record's superclass name hash ({@link ClassFacts#superHash()}). */
    public int superHash(int r) {
        return records.superHash(r);
    }

    /** Returns one of the two words of a record's owner bloom, 0 for the low one. */
    public long owners(int r, int word) {
        return records.owners(r, word);
    }

    /** Returns whether a record's class declares functions or variants ({@link ClassFacts#declares()}). */
    public boolean declares(int r) {
        return records.declares(r);
    }

    /**
     * Returns a record's class as validation read it, with the given location, or null if the scan did not read it.
     *
     * @param r the record
     * @param location where the class is now, for messages
     * @return the class, or null
     */
    public ClassInfo declaration(int r, String location) {
        ClassInfo info = records.declaration(r);
        return info == null ? null : ClassFacts.located(info, location);
    }

    /** Returns whether a record holds a class as validation read it. */
    public boolean hasDeclaration(int r) {
        return records.declaration(r) != null;
    }

    /** Returns a record's sites, or null for none: the same list each time. */
    public List<Site> sites(int r) {
        return records.sites(r);
    }

    /** Returns which of a record's sites call the default in a linked form, or null when it has no sites. */
    public BitSet callsDefault(int r) {
        return records.callsDefault(r);
    }

    /** Returns how many records the cache holds. */
    public int size() {
        return records == null ? 0 : records.count();
    }

    /**
     * Returns whether the records' sites were found with the given functions, so hold for this scan.
     *
     * @param functions the fingerprint of the functions this scan looks for
     * @return whether the records' sites can be used
     */
    public boolean sitesFoundWith(byte[] functions) {
        if (functions == confirmed) {
            return true;
        }
        boolean same = records != null && Arrays.equals(records.fingerprint(), functions);
        if (same) {
            confirmed = functions;
        }
        return same;
    }

    /**
     * Returns a record's facts whole, for a scan that keeps it as it is among records that changed.
     *
     * @param r the record
     * @return its facts
     */
    public ClassFacts facts(int r) {
        return records.facts(r);
    }

    /**
     * Replaces the jar's cache file with this scan's records, atomically. A failure to write is a warning: the cache
     * only saves time.
     *
     * @param functions the fingerprint of the functions the sites were found with
     * @param scanned every scanned entry of the jar, in order
     */
    public void save(byte[] functions, List<Record> scanned) {
        if (!replaceable) {
            return;
        }
        List<CacheFile.Entry> entries = scanned.stream().map(r -> new CacheFile.Entry(r.stamp().nameHash(),
                r.stamp().crc(), r.stamp().compressedSize(), r.stamp().size(), r.facts())).toList();
        directory.write(file, CacheFile.encode(input, functions, entries));
    }

    private Map<Long, Integer> byName() {
        Map<Long, Integer> map = byName;
        if (map == null) {
            synchronized (this) {
                if (byName == null) {
                    Map<Long, Integer> built = new HashMap<>();
                    for (int r = 0; r < records.count(); r++) {
                        built.putIfAbsent(records.nameHash(r), r);
                    }
                    byName = built;
                }
                map = byName;
            }
        }
        return map;
    }
}
