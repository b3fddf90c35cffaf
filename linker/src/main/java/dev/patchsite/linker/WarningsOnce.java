package dev.patchsite.linker;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A log that passes each warning on the first time it is given and drops it after that; information, progress and
 * the vocabulary are the wrapped log's. A run may read an input twice (a link that runs the probes first reads the
 * program before linking it; {@code diff} of a jar with itself), and the user should see what is wrong with it once.
 * Scan threads warn at once, so the warnings seen are a concurrent set.
 */
final class WarningsOnce implements PatchsiteLog {

    private final PatchsiteLog log;
    private final Set<String> seen = ConcurrentHashMap.newKeySet();

    WarningsOnce(PatchsiteLog log) {
        this.log = log;
    }

    @Override
    public void warn(String message) {
        if (seen.add(message)) {
            log.warn(message);
        }
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public Vocabulary vocabulary() {
        return log.vocabulary();
    }
}
