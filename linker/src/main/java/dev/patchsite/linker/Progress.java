package dev.patchsite.linker;

/**
 * Where a long workflow reports how far it got, for a front-end to show (the command line draws a progress line on a
 * terminal). Called often and from several threads at once: an implementation must be thread-safe and cheap, and
 * decide itself whether and when to show anything.
 */
@FunctionalInterface
public interface Progress {

    /** Progress that shows nothing. */
    Progress NONE = (task, done, total) -> {
    };

    /**
     * Reports that {@code done} of {@code total} units of a task are done.
     *
     * @param task what is being done, e.g. {@code "scanning app.jar"}
     * @param done the units done, from 0 to {@code total}
     * @param total the units in all, at least 1
     */
    void update(String task, long done, long total);
}
