package dev.patchsite.cli;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.linker.InputException;
import dev.patchsite.linker.internal.output.OutputPaths;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Collection;
import picocli.CommandLine;

/**
 * Where a command's text goes: a file, written atomically (a symbolic link written through, a device or FIFO written
 * to directly), or standard output, for no {@code -o} or {@code -o -}.
 */
final class Output {

    /** The {@code -o} value that means standard output. */
    static final String STANDARD_OUTPUT = "-";

    private Output() {
    }

    /**
     * Checks, before any work, that {@code -o} names no input (exit 2) and something a file can be written to.
     *
     * @param file the {@code -o} value, or null
     * @param inputs every file the command reads
     * @throws InputException if the output is a directory or its links loop
     */
    static void check(Path file, Collection<Path> inputs) throws InputException {
        if (file == null || isStandardOutput(file)) {
            return;
        }
        String conflict = OutputPaths.conflict(file, inputs);
        if (conflict != null) {
            throw new UsageError(conflict);
        }
        if (!OutputPaths.isSpecial(file)) {
            AtomicOutput.checkReplaceable(file);
        }
    }

    /** Returns whether an {@code -o} value is {@code -}, standard output. */
    static boolean isStandardOutput(Path file) {
        return file.toString().equals(STANDARD_OUTPUT);
    }

    static void emit(CommandLine commandLine, Path file, String text) throws InputException {
        if (file != null && !isStandardOutput(file)) {
            AtomicOutput.write(file, text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        PrintWriter out = commandLine.getOut();
        out.print(text);
        out.flush();
    }
}
