package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ProgressLine;
import dev.patchsite.linker.Vocabulary;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log on Maven's build log: warnings as warnings; the core's progress and timings (what the command line
 * prints with {@code --verbose}) as debug lines, shown with {@code mvn -X}. The core's messages through it name the
 * plugin's parameters, not the command line's flags ({@link MavenVocabulary}).
 */
final class MavenLog implements PatchsiteLog {

    private final Log log;
    private final ProgressLine progress;

    /**
     * Creates the log, with no progress line.
     *
     * @param log the build log
     */
    MavenLog(Log log) {
        this(log, null);
    }

    /**
     * Creates the log.
     *
     * @param log the build log
     * @param progress the progress line to clear before a warning, or null
     */
    MavenLog(Log log, ProgressLine progress) {
        this.log = log;
        this.progress = progress;
    }

    @Override
    public void warn(String message) {
        if (progress != null) {
            progress.clear();
        }
        log.warn(message);
    }

    @Override
    public void info(String message) {
        log.debug(message);
    }

    @Override
    public Vocabulary vocabulary() {
        return MavenVocabulary.INSTANCE;
    }
}
