package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.internal.input.EntryStamp;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One jar's cache: the records the last scan of the jar left, looked up by entry, and the file they are replaced in
 * after this scan. A record is used only for an entry of the same name, CRC-32 and sizes; what the records say of
 * sites holds only for the functions they were found with ({@link #sitesFoundWith}). Lookups may come from several
 * threads at once.
 */
public final class JarCache {

    private final ScanCache directory;
    private final String input;
    private final String file;
    private final byte[] fingerprint;
    private final List<CacheFile.Entry> records;
    private final byte[] bytes;
    private final boolean replaceable;
    private volatile Map<Long, CacheFile.Entry> byName;

    JarCache(ScanCache directory, String input, String file, CacheFile.Contents contents, byte[] bytes,
            boolean replaceable) {
        this.directory = directory;
        this.input = input;
        this.file = file;
        this.fingerprint = contents == null ? null : contents.fingerprint();
        this.records = contents == null ? List.of() : contents.entries();
        this.bytes = bytes;
        this.replaceable = replaceable;
    }

    /**
     * What a scan leaves of one entry for the next.
     *
     * @param stamp what the jar's directory says of the entry
     * @param facts what it contributed to the scan: the very object {@link #find} returned if nothing changed
     */
    public record Record(EntryStamp stamp, ClassFacts facts) {
    }

    /**
     * Returns what an unchanged entry contributed to the last scan.
     *
     * @param position the entry's position among the jar's scanned entries, where its record is if the jar's list of
     *     classes did not change
     * @param stamp what the jar's directory says of it now
     * @return the facts, or null if the cache has no record of the entry as it is now
     */
    public ClassFacts find(int position, EntryStamp stamp) {
        long hash = stamp.nameHash();
        CacheFile.Entry entry = position < records.size() && records.get(position).nameHash() == hash
                ? records.get(position) : byName().get(hash);
        return entry != null && entry.nameHash() == hash && entry.crc() == stamp.crc()
                && entry.compressedSize() == stamp.compressedSize() && entry.size() == stamp.size()
                ? entry.facts() : null;
    }

    /**
     * Returns whether the records' sites were found with the given functions, so hold for this scan.
     *
     * @param functions the fingerprint of the functions this scan looks for
     * @return whether the records' sites can be used
     */
    public boolean sitesFoundWith(byte[] functions) {
        return Arrays.equals(fingerprint, functions);
    }

    /**
     * Replaces the jar's cache file with this scan's records, atomically, unless they are the ones it holds. A
     * failure to write is a warning: the cache only saves time.
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
        byte[] encoded = CacheFile.encode(input, functions, entries);
        if (!Arrays.equals(encoded, bytes)) {
            directory.write(file, encoded);
        }
    }

    /**
     * Returns how many records the cache holds.
     *
     * @return the number of records
     */
    public int size() {
        return records.size();
    }

    /**
     * Returns whether the record at a position holds the very facts given, as {@link #find} returned them: a scan
     * that found nothing new of any entry leaves the file as it is, without encoding it.
     *
     * @param position the entry's position among the jar's scanned entries
     * @param facts what the scan found of it
     * @return whether the record there is that
     */
    public boolean holdsAt(int position, ClassFacts facts) {
        return position < records.size() && records.get(position).facts() == facts;
    }

    private Map<Long, CacheFile.Entry> byName() {
        Map<Long, CacheFile.Entry> map = byName;
        if (map == null) {
            synchronized (this) {
                if (byName == null) {
                    Map<Long, CacheFile.Entry> built = new HashMap<>();
                    records.forEach(r -> built.putIfAbsent(r.nameHash(), r));
                    byName = built;
                }
                map = byName;
            }
        }
        return map;
    }
}
