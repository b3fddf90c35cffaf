package dev.patchsite.cli;

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

    /** Returns the request for scanning the given inputs with these options. */
    ScanRequest request(CommandLine commandLine, List<Path> inputs, CliLog log) {
        ScanRequest request = ScanRequest.of(inputs).withDeclarations(declarations).withLog(log);
        if (threads == null) {
            return request;
        }
        if (threads < 1) {
            throw new ParameterException(commandLine, "--threads must be at least 1 but was " + threads);
        }
        return request.withThreads(threads);
    }
}
