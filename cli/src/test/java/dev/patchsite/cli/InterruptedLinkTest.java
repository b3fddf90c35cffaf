package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.patchsite.linker.internal.output.AtomicOutput;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A {@code patchsite link} killed while it writes its output leaves no temporary file for good, and never a
 * half-written output: the command runs in a JVM of its own ({@code java -cp ... dev.patchsite.cli.Patchsite},
 * the main class of {@code patchsite.jar}, which the test phase runs before it is packaged) on a jar of many classes
 * made here, and is sent {@code SIGKILL}, {@code SIGTERM} or {@code SIGINT} (Ctrl-C) as soon as its temporary file
 * appears. On {@code SIGTERM} and {@code SIGINT} the shutdown hook deletes the file; after {@code SIGKILL} the next
 * run that writes into the directory deletes it, since the process named in it is gone.
 */
class InterruptedLinkTest {

    /** Enough classes to keep the link writing, on one thread, for half a second or more on an idle two-core machine. */
    private static final int CALLERS = 25_000;
    private static final long WAIT_MILLIS = 60_000;

    @TempDir
    static Path dir;

    private static Path big;

    @BeforeAll
    static void makeInput() throws IOException {
        big = BigProgram.write(dir.resolve("in/big.jar"), CALLERS);
    }

    @Test
    @Timeout(120)
    void sigkillLeavesATemporaryFileThatTheNextRunDeletes() throws Exception {
        Path out = Files.createDirectories(dir.resolve("kill"));
        Map<String, String> input = TestFiles.snapshot(big);
        Process link = startLink(out.resolve("big-linked.jar"));
        Path temporary = awaitTemporary(out, link);

        link.destroyForcibly();
        assertTrue(link.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the killed link did not end");

        assertNoHalfWrittenOutput(out.resolve("big-linked.jar"));
        boolean left = Files.exists(temporary);
        Path sample = out.resolve("sample-linked.jar");
        Cli.run("link", Samples.jar(Samples.SAMPLE), "-o", sample).assertExit(ExitCode.OK.code());
        assertEquals(List.of(), temporaryFiles(out), "temporary files after the next run (one was "
                + (left ? "" : "not ") + "left by the killed one)");
        assertEquals(input, TestFiles.snapshot(big), "the input changed");
    }

    @ParameterizedTest(name = "SIG{0}")
    @ValueSource(strings = {"TERM", "INT"})
    @Timeout(120)
    void signalThatRunsTheShutdownHooksLeavesNoTemporaryFile(String signal) throws Exception {
        Path out = Files.createDirectories(dir.resolve(signal));
        Process link = startLink(out.resolve("big-linked.jar"));
        awaitTemporary(out, link);

        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(link.pid())).inheritIO().start();
        assertEquals(0, kill.waitFor(), "kill -" + signal);
        assertTrue(link.waitFor(WAIT_MILLIS, TimeUnit.MILLISECONDS), "the link did not end on SIG" + signal);

        assertEquals(List.of(), temporaryFiles(out), "temporary files after SIG" + signal);
        assertNoHalfWrittenOutput(out.resolve("big-linked.jar"));
    }

    private static Process startLink(Path output) throws IOException {
        return ForkedPatchsite.start(ForkedPatchsite.command("link", big, "-o", output, "--threads", "1"),
                dir.resolve(output.getParent().getFileName() + ".log"));
    }

    /** Waits for the link's temporary file to appear, and returns it. */
    private static Path awaitTemporary(Path out, Process link) throws IOException, InterruptedException {
        long deadline = System.currentTimeMillis() + WAIT_MILLIS;
        while (System.currentTimeMillis() < deadline) {
            List<Path> temporary = temporaryFiles(out);
            if (!temporary.isEmpty()) {
                return temporary.get(0);
            }
            if (!link.isAlive()) {
                fail("the link ended (exit code " + link.exitValue() + ") before its temporary file was seen;"
                        + " make the input larger. Its output:\n" + Files.readString(dir.resolve(
                                out.getFileName() + ".log"), StandardCharsets.UTF_8));
            }
            Thread.sleep(2);
        }
        link.destroyForcibly();
        throw new AssertionError("no temporary file appeared in " + out + " in " + WAIT_MILLIS + " ms");
    }

    private static List<Path> temporaryFiles(Path directory) throws IOException {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> AtomicOutput.isTemporary(f.getFileName().toString())).sorted().toList();
        }
    }

    /** The output of a killed link is either not there or complete (the move came first): never half-written. */
    private static void assertNoHalfWrittenOutput(Path output) throws IOException {
        if (Files.exists(output)) {
            try (ZipFile zip = new ZipFile(output.toFile())) {
                assertNotNull(zip.getEntry("META-INF/patchsite/table"), "a complete linked jar");
                assertEquals(CALLERS + 1, zip.stream().filter(e -> e.getName().startsWith("big/")).count());
            }
        }
    }
}
