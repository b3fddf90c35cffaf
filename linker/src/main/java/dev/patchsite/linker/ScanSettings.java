package dev.patchsite.linker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * How a workflow reads a program's classes, whatever the workflow: how many threads, where to report, where to keep
 * what a scan found for the next one.
 *
 * @param threads how many threads read classes; at least 1
 * @param log where to report warnings and information
 * @param cache the directory of the scan cache (what each jar entry contributed to the last scan, so that an unchanged
 *     entry is not read again), or null to read every class
 * @param progress where to report how far a long scan got
 */
public record ScanSettings(int threads, PatchsiteLog log, Path cache, Progress progress) {

    /** Checks the settings. */
    public ScanSettings {
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(progress, "progress");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
    }

    /**
     * Creates settings without a cache or progress.
     *
     * @param threads how many threads read classes; at least 1
     * @param log where to report warnings and information
     */
    public ScanSettings(int threads, PatchsiteLog log) {
        this(threads, log, null, Progress.NONE);
    }

    /**
     * Returns the default settings: one thread per processor, and no log.
     *
     * @return the settings
     */
    public static ScanSettings defaults() {
        return new ScanSettings(Runtime.getRuntime().availableProcessors(), PatchsiteLog.SILENT);
    }

    /**
     * Returns these settings with another thread count.
     *
     * @param count the number of threads, at least 1
     * @return the new settings
     */
    public ScanSettings withThreads(int count) {
        return new ScanSettings(count, log, cache, progress);
    }

    /**
     * Returns these settings with another log.
     *
     * @param target where to report warnings and information
     * @return the new settings
     */
    public ScanSettings withLog(PatchsiteLog target) {
        return new ScanSettings(threads, target, cache, progress);
    }

    /**
     * Returns these settings with another scan cache.
     *
     * @param directory the cache's directory, or null for none
     * @return the new settings
     */
    public ScanSettings withCache(Path directory) {
        return new ScanSettings(threads, log, directory, progress);
    }

    /**
     * Returns these settings reporting progress elsewhere.
     *
     * @param target where to report how far a long scan got
     * @return the new settings
     */
    public ScanSettings withProgress(Progress target) {
        return new ScanSettings(threads, log, cache, target);
    }
}
