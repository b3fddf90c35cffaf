package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code -Dpatchsite.select.<group>} that names no group (a typo) is reported at the first bind, and, with
 * {@code -Dpatchsite.verbose=true}, again in the report at exit. Both happen once per JVM, so the program runs in a
 * JVM of its own ({@link BindMain}).
 */
class SelectPropertiesTest {

    private static final String GROUP = TestGroups.Forked.class.getName();
    private static final String TYPO = "dev.patchsite.runtime.TestGroups$Froked";

    @TempDir
    Path tmp;

    @Test
    void aPropertyNamingNoGroupIsReportedAtTheFirstBindAndAtExit() throws Exception {
        List<String> err = new ArrayList<>();

        List<String> out = run(err, "-Dpatchsite.verbose=true", "-D" + Selector.PROPERTY_PREFIX + GROUP + "=slow",
                "-D" + Selector.PROPERTY_PREFIX + TYPO + "=fast", BindMain.class.getName(), "Forked");

        assertEquals(List.of("Forked -> slow"), out);
        assertEquals(List.of(
                "patchsite: -Dpatchsite.select." + TYPO + " names no group of this program (no"
                        + " META-INF/patchsite/groups/" + TYPO + ".group); check the group's name",
                "patchsite: " + GROUP + " -> slow (selected by -Dpatchsite.select." + GROUP + ")",
                "patchsite report: " + GROUP + " -> slow (selected by -Dpatchsite.select." + GROUP + "); sites"
                        + " patched: 0, sites bound: 0, trampolines bound: 1",
                "patchsite report: -Dpatchsite.select." + TYPO + " selected no group this run bound"), err);
    }

    @Test
    void withoutVerboseOnlyTheTypoIsReported() throws Exception {
        List<String> err = new ArrayList<>();

        List<String> out = run(err, "-D" + Selector.PROPERTY_PREFIX + TYPO + "=fast", BindMain.class.getName(),
                "Forked");

        assertEquals(List.of("Forked -> default"), out);
        assertEquals(List.of("patchsite: -Dpatchsite.select." + TYPO + " names no group of this program (no"
                + " META-INF/patchsite/groups/" + TYPO + ".group); check the group's name"), err);
    }

    /** Runs {@code java} with the tests' class path and these arguments; returns standard output, fills {@code err}. */
    private List<String> run(List<String> err, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.addAll(List.of(args));
        Path out = tmp.resolve("out.txt");
        Path errFile = tmp.resolve("err.txt");
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(errFile.toFile())
                .start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the program did not end in 60 s: " + Files.readString(errFile));
        }
        err.addAll(Files.readAllLines(errFile, StandardCharsets.UTF_8));
        assertEquals(0, process.exitValue(), String.join("\n", err));
        return Files.readAllLines(out, StandardCharsets.UTF_8);
    }
}
