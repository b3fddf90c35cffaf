package dev.patchsite.linker.scan;

import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.internal.cache.RecordingLog;
import dev.patchsite.linker.internal.cache.ScanCache;
import dev.patchsite.linker.table.PatchSiteTable;

/**
 * Tables made from a program's jars, kept in the scan cache under the program's key ({@link ProgramKey}: its jars'
 * central directories, its declarations, the version of patchsite), so that the same program as it was gets the
 * same table, and the messages its making logged, without opening a class entry. What a scan does ({@link
 * Scanner#scan}), and what a build's check does with a scan ({@code ScopedTable}), each under its own purpose.
 */
public final class CachedTables {

    private CachedTables() {
    }

    /** Makes a table from a program's files; the same files and purpose must always make the same table. */
    @FunctionalInterface
    public interface Maker {
        /**
         * Makes the table.
         *
         * @param request the program, with the log to report to (which the cache records)
         * @return the table
         * @throws PatchsiteException if the program cannot be read or breaks a rule (nothing is cached)
         */
        PatchSiteTable make(ScanRequest request) throws PatchsiteException;
    }

    /**
     * Returns the table the cache kept for the program and purpose if the program's files are as they were, else
     * makes it and keeps it. Without a cache, or for a program with a directory of classes, it is made each time.
     *
     * @param request the program, the log and the cache
     * @param purpose what the table is, e.g. {@code scan}; part of the key
     * @param maker makes the table
     * @return the table
     * @throws PatchsiteException if the maker fails
     */
    public static PatchSiteTable get(ScanRequest request, String purpose, Maker maker) throws PatchsiteException {
        if (request.cache() == null) {
            return maker.make(request);
        }
        // A problem with the cache is told once, never as one of the table's messages.
        ScanCache cache = ScanCache.in(request.cache(), RecordingLog.unrecorded(request.log()));
        if (!cache.usable()) {
            return maker.make(request.withCache(null));
        }
        ProgramKey key = ProgramKey.of(request, purpose);
        if (key == null) {
            return maker.make(request);
        }
        PatchSiteTable known = cache.table(key.program(), key.bytes(), request.log());
        if (known != null) {
            return known;
        }
        RecordingLog messages = new RecordingLog(request.log());
        PatchSiteTable table = maker.make(request.withLog(messages));
        // An input that changed while it was read may have given a table of neither version.
        if (key.same(ProgramKey.of(request, purpose))) {
            cache.saveTable(key.program(), key.bytes(), messages, table);
        }
        return table;
    }
}
