package dev.patchsite.cli;

import java.time.Duration;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/** The option of every command that runs the program's probes ({@code explain}, {@code link --select-by-probes}). */
final class ProbeOptions {

    @Option(names = "--probe-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long each probe may run before it is reported as not answering (default: ${DEFAULT-VALUE}).")
    int probeTimeout;

    /** Returns the time each probe has, checked. */
    Duration timeout(CommandLine commandLine) {
        if (probeTimeout < 1) {
            throw new ParameterException(commandLine, "--probe-timeout must be at least 1 second, not " + probeTimeout);
        }
        return Duration.ofSeconds(probeTimeout);
    }
}
