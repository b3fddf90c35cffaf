package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import picocli.CommandLine;

/**
 * Runs the {@code patchsite} command in this JVM, as {@code main} would but without {@code System.exit}: a fresh
 * {@link Patchsite#commandLine()} with standard output and standard error captured.
 */
final class Cli {

    private Cli() {
    }

    /**
     * Runs the command.
     *
     * @param args the command line; each argument is turned into a string with {@link String#valueOf(Object)}, so
     *     paths may be passed as they are
     * @return the exit code and what was written
     */
    static Result run(Object... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine commandLine = Patchsite.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(Arrays.stream(args).map(String::valueOf).toArray(String[]::new));
        return new Result(exitCode, out.toString(), err.toString().replace(System.lineSeparator(), "\n"));
    }

    /**
     * What one run of the command did.
     *
     * @param exitCode the exit code
     * @param out standard output, exactly as written
     * @param err standard error, with the platform's line separators turned into {@code \n}
     */
    record Result(int exitCode, String out, String err) {

        /** Returns the lines of standard error. */
        List<String> errLines() {
            return err.lines().toList();
        }

        /** Asserts the exit code, showing standard error (where the reason is) if it is not the expected one. */
        Result assertExit(int expected) {
            assertEquals(expected, exitCode, () -> "exit code; stderr:\n" + err + "\nstdout:\n" + out);
            return this;
        }

        /** Asserts a successful run: the expected exit code and nothing on standard error. */
        Result assertClean(int expected) {
            assertExit(expected);
            assertEquals("", err, "stderr");
            return this;
        }

        /**
         * Asserts that standard error holds no stack trace: no {@code \tat } frame line, no exception class name.
         */
        Result assertNoStackTrace() {
            for (String line : errLines()) {
                assertFalse(line.startsWith("\tat ") || line.contains("\tat "), () -> "stack frame on stderr:\n" + err);
                assertFalse(line.contains("Exception"), () -> "exception name on stderr:\n" + err);
            }
            return this;
        }
    }
}
