package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteLog;
import java.io.PrintWriter;

/** The core's log on the command's standard error: warnings always, information with {@code --verbose}. */
final class CliLog implements PatchsiteLog {

    private final PrintWriter err;
    private final boolean verbose;

    CliLog(PrintWriter err, boolean verbose) {
        this.err = err;
        this.verbose = verbose;
    }

    @Override
    public void warn(String message) {
        err.println("warning: " + message);
        err.flush();
    }

    @Override
    public void info(String message) {
        if (verbose) {
            err.println(message);
            err.flush();
        }
    }
}
