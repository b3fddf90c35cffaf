package dev.patchsite.linker;

/**
 * Where the core reports what the user should know but that does not stop the work. Front-ends adapt it to their
 * own output: the CLI to standard error, the Maven plugin to the build log.
 */
public interface PatchsiteLog {

    /** A log that drops everything. */
    PatchsiteLog SILENT = new PatchsiteLog() {
        @Override
        public void warn(String message) {
        }

        @Override
        public void info(String message) {
        }
    };

    /**
     * Returns a log that shows each warning once: a front-end wraps the log of one run (a command, a goal) in it, so
     * that a warning about an input read twice in the run, or a class seen in two passes, is not repeated. Information
     * is passed on as it is.
     *
     * @param log the front-end's log
     * @return a log that passes the first of equal warnings to {@code log}; {@code log} itself if it is one already
     */
    static PatchsiteLog warningsOnce(PatchsiteLog log) {
        return log instanceof WarningsOnce ? log : new WarningsOnce(log);
    }

    /**
     * Reports something that is probably a mistake but does not stop the work.
     *
     * @param message the message
     */
    void warn(String message);

    /**
     * Reports progress or a detail a user may want to see.
     *
     * @param message the message
     */
    void info(String message);

    /**
     * Returns the words of the front-end that shows this log's messages, in which the core's messages name what a
     * user sets.
     *
     * @return the command line's words unless a front-end says otherwise
     */
    default Vocabulary vocabulary() {
        return Vocabulary.COMMAND_LINE;
    }
}
