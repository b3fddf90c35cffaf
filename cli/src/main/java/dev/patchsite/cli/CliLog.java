package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Progress;
import dev.patchsite.linker.ProgressLine;
import java.io.PrintWriter;

/**
 * The core's log on the command's standard error: warnings always, information with {@code --verbose}; and, when
 * standard error is a terminal and {@code --quiet} was not given, the core's progress as a line redrawn in place,
 * cleared before any other line and when the command ends ({@link #close()}).
 */
final class CliLog implements PatchsiteLog, AutoCloseable {

    private final PrintWriter err;
    private final boolean verbose;
    private final ProgressLine progress;

    CliLog(PrintWriter err, boolean verbose) {
        this(err, verbose, false);
    }

    /**
     * Creates the log.
     *
     * @param err standard error
     * @param verbose whether to print information
     * @param showProgress whether a progress line may be drawn (not {@code --quiet}, and standard error a terminal)
     */
    CliLog(PrintWriter err, boolean verbose, boolean showProgress) {
        this.err = err;
        this.verbose = verbose;
        this.progress = showProgress ? new ProgressLine(err, System::nanoTime) : null;
    }

    /** Returns where the core reports progress: the progress line, or nowhere. */
    Progress progress() {
        return progress == null ? Progress.NONE : progress;
    }

    @Override
    public void warn(String message) {
        close();
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void info(String message) {
        if (verbose) {
            close();
            err.println(message);
            err.flush();
        }
    }

    /** Clears the progress line, if one is drawn. */
    @Override
    public void close() {
        if (progress != null) {
            progress.clear();
        }
    }
}
