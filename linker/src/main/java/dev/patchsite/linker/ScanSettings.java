package dev.patchsite.linker;

import java.util.Objects;

/**
 * How a workflow reads a program's classes, whatever the workflow: how many threads, and where to report.
 *
 * @param threads how many threads read classes; at least 1
 * @param log where to report warnings and progress
 */
public record ScanSettings(int threads, PatchsiteLog log) {

    /** Checks the settings. */
    public ScanSettings {
        Objects.requireNonNull(log, "log");
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1 but is " + threads);
        }
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
        return new ScanSettings(count, log);
    }

    /**
     * Returns these settings with another log.
     *
     * @param target where to report warnings and progress
     * @return the new settings
     */
    public ScanSettings withLog(PatchsiteLog target) {
        return new ScanSettings(threads, target);
    }
}
