package dev.patchsite.maven;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Vocabulary;
import org.apache.maven.plugin.logging.Log;

/**
 * The core's log on Maven's build log: warnings as warnings; the core's progress and timings (what the command line
 * prints with {@code --verbose}) as debug lines, shown with {@code mvn -X}. The core's messages through it name the
 * plugin's parameters, not the command line's flags ({@link MavenVocabulary}).
 */
final class MavenLog implements PatchsiteLog {

    private final Log log;

    MavenLog(Log log) {
        this.log = log;
    }

    @Override
    public void warn(String message) {
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
