package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.patchsite.linker.cli.Patchsite;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs {@code patchsite link} or {@code verify} in this JVM as a user types it, so that the tests of many artifacts
 * link and verify each shape with exactly the inputs and {@code --classpath} a user gives, and see the warnings and
 * problems as the user reads them.
 */
final class PatchsiteCommand {

    private PatchsiteCommand() {
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments after {@code patchsite}; paths may be passed as they are
     * @return the exit code and what was written
     */
    static Output run(Object... args) {
        String[] line = Arrays.stream(args).map(String::valueOf).toArray(String[]::new);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine command = Patchsite.commandLine();
        command.setOut(new PrintWriter(out, true));
        command.setErr(new PrintWriter(err, true));
        int exitCode = command.execute(line);
        return new Output("patchsite " + String.join(" ", line), exitCode, out.toString(),
                err.toString().replace(System.lineSeparator(), "\n"));
    }

    /**
     * Runs each command line and fails if any does not exit with 0, listing each such command with its exit code and
     * standard error (where {@code verify} lists its problems).
     *
     * @param commands the command lines, each as {@link #run} takes it
     */
    static void assertAllSucceed(List<Object[]> commands) {
        StringBuilder failures = new StringBuilder();
        int failed = 0;
        for (Object[] command : commands) {
            Output output = run(command);
            if (output.exitCode() != 0) {
                failed++;
                failures.append('\n').append(output.command()).append("\nexit code ").append(output.exitCode())
                        .append(", stderr:\n").append(output.err());
            }
        }
        if (failed > 0) {
            fail(failed + " of " + commands.size() + " commands failed:" + failures);
        }
    }

    /**
     * What one command did.
     *
     * @param command the command line, for messages
     * @param exitCode its exit code
     * @param out standard output
     * @param err standard error, with {@code \n} line ends
     */
    record Output(String command, int exitCode, String out, String err) {

        /** Asserts the exit code, showing the command and all it wrote if it is not the expected one. */
        Output assertExit(int expected) {
            assertEquals(expected, exitCode, () -> command + "\n--- stdout:\n" + out + "--- stderr:\n" + err);
            return this;
        }
    }
}
