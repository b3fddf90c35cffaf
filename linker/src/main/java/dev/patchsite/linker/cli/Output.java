package dev.patchsite.linker.cli;

import dev.patchsite.linker.AtomicOutput;
import dev.patchsite.linker.InputException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine;

/** Where a command's result goes: a file, written atomically, or standard output. */
final class Output {

    private Output() {
    }

    static void emit(CommandLine commandLine, Path file, String text) throws InputException {
        if (file != null) {
            AtomicOutput.write(file, text.getBytes(StandardCharsets.UTF_8));
            return;
        }
        PrintWriter out = commandLine.getOut();
        out.print(text);
        out.flush();
    }
}
