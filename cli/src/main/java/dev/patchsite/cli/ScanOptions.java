package dev.patchsite.cli;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ProgressLine;
import dev.patchsite.linker.ScanRequest;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** Options shared by every command that scans inputs. */
final class ScanOptions {

    @Option(names = "--declarations", paramLabel = "FILE",
            description = "A declaration file naming functions in code you do not own (see docs/declarations.md).")
    Path declarations;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads reading classes (default: one per processor).")
    Integer threads;

    @Option(names = {"-v", "--verbose"}, description = "Report progress on standard error.")
    boolean verbose;

    @Option(names = {"-q", "--quiet"}, description = "Draw no progress line (one is drawn on standard error when it"
            + " is a terminal and a run takes more than a second).")
    boolean quiet;

    @Option(names = "--cache", paramLabel = "DIR", description = "The scan cache: what each jar entry contributed to"
            + " the last scan, so that an unchanged entry is not read again (default: $XDG_CACHE_HOME/patchsite, or"
            + " ~/.cache/patchsite).")
    Path cache;

    @Option(names = "--no-cache", description = "Read every class; use and write no scan cache.")
    boolean noCache;

    /** Returns the log of a command run with these options, on its standard error. */
    CliLog log(CommandLine commandLine) {
        return new CliLog(commandLine.getErr(), verbose, !quiet && ProgressLine.standardErrorIsTerminal());
    }

    /**
     * Returns the request for scanning the given inputs with these options, reporting to the command's log with each
     * warning once: every core call of the command takes its log from this request.
     */
    ScanRequest request(CommandLine commandLine, List<Path> inputs, CliLog log) {
        if (noCache && cache != null) {
            throw new ParameterException(commandLine, "--cache and --no-cache exclude each other");
        }
        if (cache != null && cache.toString().isEmpty()) {
            throw new ParameterException(commandLine, "--cache needs a directory; an empty path would be the current"
                    + " one");
        }
        ScanRequest request = ScanRequest.of(inputs).withDeclarations(declarations).withLog(PatchsiteLog.warningsOnce(log))
                .withCache(noCache ? null : cache != null ? cache : defaultCache()).withProgress(log.progress());
        if (threads == null) {
            return request;
        }
        if (threads < 1) {
            throw new ParameterException(commandLine, "--threads must be at least 1 but was " + threads);
        }
        return request.withThreads(threads);
    }

    /**
     * The cache of a user who names none: the XDG base directory's, where tools keep what they can rebuild; under
     * {@code $HOME} as the shell has it (Java's {@code user.home} is the account's home, whatever {@code HOME} says).
     */
    static Path defaultCache() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        String home = System.getenv("HOME");
        Path base = absolute(xdg) ? Path.of(xdg)
                : Path.of(absolute(home) ? home : System.getProperty("user.home"), ".cache");
        return base.resolve("patchsite");
    }

    private static boolean absolute(String path) {
        return path != null && !path.isBlank() && Path.of(path).isAbsolute();
    }
}
