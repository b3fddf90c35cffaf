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
     * Returns whether the jar's cache file may be replaced with this scan's records: a file patchsite did not write is
     * left as it is.
     *
     * @return whether {@link #newFile} may be called
     */
    public boolean replaceable() {
        return replaceable;
    }

    /**
     * Starts the file that replaces the jar's cache file, for a scan that learned something of the jar.
     *
     * @param count the number of the jar's scanned entries, each of which gets a record, in order
     * @return the new file, to be filled then saved
     * @throws IllegalStateException if the file may not be replaced ({@link #replaceable()})
     */
    public NewFile newFile(int count) {
        if (!replaceable) {
            throw new IllegalStateException("the scan cache file of " + input + " is not patchsite's");
        }
        return new NewFile(count);
    }

    /** The records of one scan of the jar, given in the jar's order, then saved in place of the jar's cache file. */
    public final class NewFile {
        private final CacheFile.Writer writer;

        private NewFile(int count) {
            this.writer = new CacheFile.Writer(count, records == null ? 0 : records.extrasSize());
        }

        /**
         * Adds an entry that this cache's record {@code r} holds as it is: the record is copied, not decoded and
         * encoded again.
         *
         * @param r the record
         */
        public void keep(int r) {
            writer.copy(records, r);
        }

        /**
         * Adds an entry the scan read, or learned something of.
         *
         * @param stamp what the jar's directory says of the entry
         * @param facts what it contributed to the scan
         */
        public void add(EntryStamp stamp, ClassFacts facts) {
            writer.add(new CacheFile.Entry(stamp.nameHash(), stamp.crc(), stamp.compressedSize(), stamp.size(), facts));
        }

        /**
         * Replaces the jar's cache file with these records, atomically. A failure to write is a warning: the cache
         * only saves time.
         *
         * @param functions the fingerprint of the functions the sites were found with
         */
        public void save(byte[] functions) {
            directory.write(file, writer.finishParts(input, functions));
        }
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
