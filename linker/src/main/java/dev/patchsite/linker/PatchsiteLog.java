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
