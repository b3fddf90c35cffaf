package dev.patchsite.linker;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What to scan.
 *
 * @param inputs jars and directories of classes, in classpath order; all are scanned for declarations and sites
 * @param declarations a declaration file naming functions in code you do not own, or null
 * @param threads how many threads read classes; at least 1
 * @param log where to report warnings
 * @param cache the directory of the scan cache, or null to read every class (see {@link ScanSettings#cache()})
 * @param progress where to report how far the scan got
 */
public record ScanRequest(List<Path> inputs, Path declarations, int threads, PatchsiteLog log, Path cache,
        Progress progress) {

    /** Checks the request and copies the list. */
    public ScanRequest {
        inputs = List.copyOf(inputs);
        Objects.requireNonNull(log, "log");
        Objects.requireNonNull(progress, "progress");
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("no inputs");
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
    }

    /**
     * Creates a request without a cache or progress.
     *
     * @param inputs jars and directories of classes, in classpath order
     * @param declarations a declaration file, or null
     * @param threads how many threads read classes; at least 1
     * @param log where to report warnings
     */
    public ScanRequest(List<Path> inputs, Path declarations, int threads, PatchsiteLog log) {
        this(inputs, declarations, threads, log, null, Progress.NONE);
    }

    /**
     * Returns a request for the given inputs, with no declaration file, one thread per processor, and no log.
     *
     * @param inputs jars and directories, in classpath order
     * @return the request
     */
    public static ScanRequest of(List<Path> inputs) {
        return new ScanRequest(inputs, null, Runtime.getRuntime().availableProcessors(), PatchsiteLog.SILENT);
    }

    /**
     * Returns the request that scans a whole program: its jars, then its class path.
     *
     * @param program the program's files
     * @param settings the threads and log to scan with
     * @return the request
     */
    public static ScanRequest of(ProgramFiles program, ScanSettings settings) {
        return of(program.all(), program.declarations(), settings);
    }

    /**
     * Returns the request that scans the given inputs with the given settings.
     *
     * @param inputs jars and directories, in classpath order
     * @param declarations a declaration file, or null
     * @param settings the threads, log, cache and progress to scan with
     * @return the request
     */
    public static ScanRequest of(List<Path> inputs, Path declarations, ScanSettings settings) {
        return new ScanRequest(inputs, declarations, settings.threads(), settings.log(), settings.cache(),
                settings.progress());
    }

    /**
     * Returns the settings this request scans with: its threads, log, cache and progress.
     *
     * @return the settings
     */
    public ScanSettings settings() {
        return new ScanSettings(threads, log, cache, progress);
    }

    /**
     * Returns this request with another declaration file.
     *
     * @param file the declaration file, or null for none
     * @return the new request
     */
    public ScanRequest withDeclarations(Path file) {
        return new ScanRequest(inputs, file, threads, log, cache, progress);
    }

    /**
     * Returns this request with another thread count.
     *
     * @param count the number of threads, at least 1
     * @return the new request
     */
    public ScanRequest withThreads(int count) {
        return new ScanRequest(inputs, declarations, count, log, cache, progress);
    }

    /**
     * Returns this request with another log.
     *
     * @param target where to report warnings
     * @return the new request
     */
    public ScanRequest withLog(PatchsiteLog target) {
        return new ScanRequest(inputs, declarations, threads, target, cache, progress);
    }

    /**
     * Returns this request with another scan cache.
     *
     * @param directory the cache's directory, or null for none
     * @return the new request
     */
    public ScanRequest withCache(Path directory) {
        return new ScanRequest(inputs, declarations, threads, log, directory, progress);
    }

    /**
     * Returns this request reporting progress elsewhere.
     *
     * @param target where to report how far the scan got
     * @return the new request
     */
    public ScanRequest withProgress(Progress target) {
        return new ScanRequest(inputs, declarations, threads, log, cache, target);
    }
}
