package dev.patchsite.linker.internal.cache;

import dev.patchsite.linker.internal.declarations.ClassInfo;
import dev.patchsite.linker.internal.input.EntryStamp;
import dev.patchsite.linker.table.Site;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import java.util.function.Supplier;

/**
 * One jar's cache: the records the scans of the jar left, found by entry and read in place, and the files they are
 * replaced in after this scan. A record is used only for an entry of the same name, CRC-32 and sizes; what the
 * records say of sites holds only for the functions they were found with ({@link #sitesFoundWith}). Lookups may come
 * from several threads at once.
 *
 * <p>The records are in two files. The base holds a record of every entry, in the jar's order, as some scan found
 * them; the delta holds the records of the entries the base has no record of as they are now, found with the same
 * functions. A scan that finds a few classes changed writes a delta of those few (a big jar's base is megabytes,
 * which a fresh JVM takes tens of milliseconds to write); one that finds more than {@link #DELTA_SHARE} of them
 * changed, or other functions, writes a new base and removes the delta.
 */
public final class JarCache {

    /** A delta holds at most this share of the jar's entries (one in eight); more, and the base is written anew. */
    static final int DELTA_SHARE = 8;
    /** A delta may hold this many records whatever the jar's size. */
    static final int DELTA_MIN = 64;

    private final ScanCache directory;
    private final String input;
    private final String file;
    private final String deltaFile;
    private final CacheFile.Opened records;
    private final CacheFile.Opened delta;
    private final boolean replaceable;
    private final boolean deltaReplaceable;
    private final int baseCount;
    /** The base's records by name hash, made only if an entry is not at its place in the base. */
    private final Lazy<Map<Long, Integer>> byName;
    private final Lazy<Map<Long, Integer>> deltaByName;
    private volatile byte[] confirmed;

    /**
     * Makes a jar's cache.
     *
     * @param records the base's records, or null for none
     * @param delta the delta's records, or null for none; used only with a base found with the same functions
     * @param replaceable whether the base may be replaced (or written, if there is none)
     * @param deltaReplaceable whether the delta may; if not (a file patchsite did not write is there), a scan that
     *     would write a delta writes the base anew instead
     */
    JarCache(ScanCache directory, String input, String file, String deltaFile, CacheFile.Opened records,
            CacheFile.Opened delta, boolean replaceable, boolean deltaReplaceable) {
        this.directory = directory;
        this.input = input;
        this.file = file;
        this.deltaFile = deltaFile;
        this.records = records;
        this.delta = records != null && delta != null && Arrays.equals(records.fingerprint(), delta.fingerprint())
                ? delta : null;
        this.replaceable = replaceable;
        this.deltaReplaceable = deltaReplaceable;
        this.baseCount = records == null ? 0 : records.count();
        this.byName = new Lazy<>(() -> index(this.records));
        this.deltaByName = new Lazy<>(() -> index(this.delta));
    }

    /**
     * Finds the record of an unchanged entry.
     *
     * @param position the entry's position among the jar's scanned entries, where its record is in the base if the
     *     jar's list of classes did not change
     * @param stamp what the jar's directory says of it now
     * @return the record's number, or -1 if the cache has no record of the entry as it is now
     */
    public int find(int position, EntryStamp stamp) {
        if (records == null) {
            return -1;
        }
        long hash = stamp.nameHash();
        // An entry whose name is at its place in the base but whose bytes changed is looked for in the delta only:
        // the base holds no other record of the name, and the name map of a big base costs a fresh JVM 50 ms.
        boolean inPlace = position < baseCount && records.nameHash(position) == hash;
        int r = inPlace ? position : byName.get().getOrDefault(hash, -1);
        if (r >= 0 && matches(records, r, stamp)) {
            return r;
        }
        if (delta != null) {
            int d = deltaByName.get().getOrDefault(hash, -1);
            if (d >= 0 && matches(delta, d, stamp)) {
                return baseCount + d;
            }
        }
        return -1;
    }

    private static boolean matches(CacheFile.Opened file, int r, EntryStamp stamp) {
        return file.nameHash(r) == stamp.nameHash() && file.crc(r) == stamp.crc()
                && file.compressedSize(r) == stamp.compressedSize() && file.size(r) == stamp.size();
    }

    /** Returns the file a record is in. */
    private CacheFile.Opened in(int r) {
        return r < baseCount ? records : delta;
    }

    /** Returns a record's number within its file. */
    private int local(int r) {
        return r < baseCount ? r : r - baseCount;
    }

    /** Returns a record's superclass name hash ({@link ClassFacts#superHash()}). */
    public int superHash(int r) {
        return in(r).superHash(local(r));
    }

    /** Returns one of the two words of a record's owner bloom, 0 for the low one. */
    public long owners(int r, int word) {
        return in(r).owners(local(r), word);
    }

    /** Returns whether a record's class declares functions or variants ({@link ClassFacts#declares()}). */
    public boolean declares(int r) {
        return in(r).declares(local(r));
    }

    /**
     * Returns a record's class as validation read it, with the given location, or null if the scan did not read it.
     *
     * @param r the record
     * @param location where the class is now, for messages
     * @return the class, or null
     */
    public ClassInfo declaration(int r, String location) {
        ClassInfo info = in(r).declaration(local(r));
        return info == null ? null : ClassFacts.located(info, location);
    }

    /** Returns whether a record holds a class as validation read it. */
    public boolean hasDeclaration(int r) {
        return in(r).declaration(local(r)) != null;
    }

    /** Returns a record's sites, or null for none: the same list each time. */
    public List<Site> sites(int r) {
        return in(r).sites(local(r));
    }

    /** Returns which of a record's sites call the default in a linked form, or null when it has no sites. */
    public BitSet callsDefault(int r) {
        return in(r).callsDefault(local(r));
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
     * Returns whether the jar's cache files may be replaced with this scan's records: a file patchsite did not write
     * is left as it is.
     *
     * @return whether {@link #newFile} may be called
     */
    public boolean replaceable() {
        return replaceable;
    }

    /**
     * Starts the records that replace the jar's cache, for a scan that read the jar.
     *
     * @param count the number of the jar's scanned entries, each of which gets a record, in order
     * @return the new records, to be filled then saved
     * @throws IllegalStateException if the files may not be replaced ({@link #replaceable()})
     */
    public NewFile newFile(int count) {
        if (!replaceable) {
            throw new IllegalStateException("the scan cache file of " + input + " is not patchsite's");
        }
        return new NewFile(count);
    }

    /**
     * The records of one scan of the jar, given in the jar's order, then saved: as they are (nothing written), as a
     * delta of those the base does not have, or as a new base.
     */
    public final class NewFile {
        /** Per entry: its record's number, or -1 minus the index of its new record in {@link #added}. */
        private final int[] chosen;
        private final List<CacheFile.Entry> added = new ArrayList<>();
        private int next;

        private NewFile(int count) {
            this.chosen = new int[count];
        }

        /**
         * Adds an entry that this cache's record {@code r} holds as it is: the record is copied, not decoded and
         * encoded again.
         *
         * @param r the record
         */
        public void keep(int r) {
            chosen[next++] = r;
        }

        /**
         * Adds an entry the scan read, or learned something of.
         *
         * @param stamp what the jar's directory says of the entry
         * @param facts what it contributed to the scan
         */
        public void add(EntryStamp stamp, ClassFacts facts) {
            chosen[next++] = -1 - added.size();
            added.add(new CacheFile.Entry(stamp.nameHash(), stamp.crc(), stamp.compressedSize(), stamp.size(),
                    facts));
        }

        /**
         * Saves the records, atomically, writing as little as keeps the cache whole. A failure to write is a warning:
         * the cache only saves time.
         *
         * @param functions the fingerprint of the functions the sites were found with
         */
        public void save(byte[] functions) {
            if (next != chosen.length) {
                throw new IllegalStateException((chosen.length - next) + " records missing");
            }
            int outsideBase = 0;
            // Whether each entry's name is where the base has it: the lookups' fast path. A jar whose list of entries
            // changed gets its base written anew, in its new order.
            boolean aligned = baseCount == chosen.length;
            for (int p = 0; p < chosen.length; p++) {
                outsideBase += chosen[p] < 0 || chosen[p] >= baseCount ? 1 : 0;
                aligned = aligned && records.nameHash(p) == nameHash(chosen[p]);
            }
            if (!sitesFoundWith(functions) || !aligned || outsideBase > Math.max(DELTA_MIN, chosen.length / DELTA_SHARE)
                    || outsideBase > 0 && !deltaReplaceable) {
                directory.write(file, records(chosen.length, p -> true).finishParts(input, functions));
                directory.remove(deltaFile);
            } else if (outsideBase == 0) {
                directory.remove(deltaFile); // none needed; one left unused (damaged, of other functions) goes too
            } else if (!sameDelta(outsideBase)) {
                directory.write(deltaFile, records(outsideBase, p -> chosen[p] < 0 || chosen[p] >= baseCount)
                        .finishParts(input, functions));
            }
        }

        /** Returns the name hash of a chosen record or new entry. */
        private long nameHash(int chosenRecord) {
            return chosenRecord < 0 ? added.get(-1 - chosenRecord).nameHash()
                    : in(chosenRecord).nameHash(local(chosenRecord));
        }

        /** Returns whether the records outside the base are the delta's, each once: the delta holds as it is. */
        private boolean sameDelta(int outsideBase) {
            if (delta == null || outsideBase != delta.count()) {
                return false;
            }
            BitSet seen = new BitSet(delta.count());
            for (int r : chosen) {
                if (r >= 0 && r < baseCount) {
                    continue;
                }
                if (r < 0 || seen.get(r - baseCount)) {
                    return false;
                }
                seen.set(r - baseCount);
            }
            return true;
        }

        /** Returns a writer holding the chosen entries' records, in the jar's order. */
        private CacheFile.Writer records(int count, IntPredicate which) {
            boolean whole = count == chosen.length;
            CacheFile.Writer writer = new CacheFile.Writer(count, whole && records != null ? records.extrasSize() : 0);
            for (int p = 0; p < chosen.length; p++) {
                if (!which.test(p)) {
                    continue;
                }
                int r = chosen[p];
                if (r < 0) {
                    writer.add(added.get(-1 - r));
                } else {
                    writer.copy(in(r), local(r));
                }
            }
            return writer;
        }
    }

    /** A value made once, when first asked for, from any thread. */
    private static final class Lazy<T> {
        private final Supplier<T> maker;
        private volatile T value;

        Lazy(Supplier<T> maker) {
            this.maker = maker;
        }

        T get() {
            T made = value;
            if (made == null) {
                synchronized (this) {
                    if (value == null) {
                        value = maker.get();
                    }
                    made = value;
                }
            }
            return made;
        }
    }

    private static Map<Long, Integer> index(CacheFile.Opened file) {
        Map<Long, Integer> built = new HashMap<>();
        for (int r = 0; r < file.count(); r++) {
            built.putIfAbsent(file.nameHash(r), r);
        }
        return built;
    }
}
