package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Runs {@code java} in a process of its own, with a given JDK, arguments and time limit, and captures what it wrote
 * and its exit code. Every linked program the tests run goes through here, so that each run starts from a fresh JVM
 * (a group is bound once per JVM).
 */
final class ForkedJava {

    /** The system property that may name the home of a JDK 25; the default is where CI and this machine have it. */
    static final String JDK25_PROPERTY = "patchsite.jdk25";
    private static final Path JDK25_DEFAULT = Path.of("/usr/lib/jvm/temurin-25-jdk-amd64");
    /** Long enough for a loaded machine, short enough that a hung program does not hang the build. */
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final Path javaHome;
    private final List<String> options = new ArrayList<>();

    private ForkedJava(Path javaHome) {
        this.javaHome = javaHome;
    }

    /** Returns a runner for the JDK that runs the tests (17 in CI). */
    static ForkedJava current() {
        return new ForkedJava(Path.of(System.getProperty("java.home")));
    }

    /** Returns a runner for Temurin 25, if this machine has it. */
    static Optional<ForkedJava> jdk25() {
        Path home = Path.of(System.getProperty(JDK25_PROPERTY, JDK25_DEFAULT.toString()));
        return Files.isExecutable(executable(home)) ? Optional.of(new ForkedJava(home)) : Optional.empty();
    }

    private static Path executable(Path home) {
        boolean windows = System.getProperty("os.name", "").startsWith("Windows");
        return home.resolve(windows ? "bin/java.exe" : "bin/java");
    }

    /**
     * Returns a runner that passes these JVM options before the arguments of every run.
     *
     * @param jvmOptions e.g. {@code -Xverify:all}
     * @return a new runner
     */
    ForkedJava with(String... jvmOptions) {
        ForkedJava copy = new ForkedJava(javaHome);
        copy.options.addAll(options);
        copy.options.addAll(Arrays.asList(jvmOptions));
        return copy;
    }

    /** Returns the JDK's home. */
    Path home() {
        return javaHome;
    }

    /**
     * Runs {@code java} with the runner's options and these arguments, waiting at most {@link #TIMEOUT}.
     *
     * @param args the arguments after the options, e.g. {@code -jar app.jar}; paths may be passed as they are
     * @return what the process did
     * @throws AssertionError if it does not finish in time (it is killed; the message holds what it wrote)
     */
    Result run(Object... args) {
        List<String> command = new ArrayList<>();
        command.add(executable(javaHome).toString());
        command.addAll(options);
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        builder.environment().remove("_JAVA_OPTIONS");
        long start = System.nanoTime();
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            Drain out = new Drain(process.getInputStream());
            Drain err = new Drain(process.getErrorStream());
            boolean finished = process.waitFor(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            if (!finished) {
                process.destroyForcibly().waitFor();
            }
            out.await();
            err.await();
            Result result = new Result(String.join(" ", command), finished ? process.exitValue() : -1,
                    out.text(), err.text(), Duration.ofNanos(System.nanoTime() - start));
            if (!finished) {
                throw new AssertionError("did not finish in " + TIMEOUT + ", killed: " + result.describe());
            }
            return result;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + command, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running " + command, e);
        }
    }

    /** Reads a stream to its end on a thread of its own, so that neither pipe can fill up and block the process. */
    private static final class Drain extends Thread {
        private final InputStream in;
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        Drain(InputStream in) {
            this.in = in;
            setDaemon(true);
            start();
        }

        @Override
        public void run() {
            try (in) {
                in.transferTo(bytes);
            } catch (IOException e) {
                // The process was killed; keep what was read.
            }
        }

        String text() {
            return bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
        }

        void await() throws InterruptedException {
            join(TIMEOUT.toMillis());
        }
    }

    /**
     * What one process did.
     *
     * @param command the command line, for messages
     * @param exitCode its exit code, or -1 if it was killed
     * @param out standard output, with the platform's line separators turned into {@code \n}
     * @param err standard error, likewise
     * @param time how long it ran
     */
    record Result(String command, int exitCode, String out, String err, Duration time) {

        /** Returns the command, exit code and both outputs, for a failure message. */
        String describe() {
            return command + "\nexit code " + exitCode + "\n--- stdout:\n" + out + "--- stderr:\n" + err;
        }

        /** Asserts the exit code, showing everything the process wrote if it is not the expected one. */
        Result assertExit(int expected) {
            assertEquals(expected, exitCode, () -> "exit code of " + describe());
            return this;
        }

        /** Asserts exit code 0 and an empty standard error. */
        Result assertClean() {
            assertExit(0);
            assertEquals("", err, () -> "stderr of " + describe());
            return this;
        }
    }
}
