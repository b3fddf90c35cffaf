package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scanning linked bytecode gives the table of the program it was linked from, so that a program's table does not
 * depend on whether a jar of it was linked: calls that name a default body or a generated trampoline, and
 * {@code invokedynamic} sites the runtime binds, scan as the calls they were, and sites in a function's moved body
 * as its own. Offsets are left out of the comparison: they are not identity, and an {@code invokedynamic} is longer
 * than the {@code invokestatic} it replaces. Static mode is not covered: its direct calls of variants cannot be told
 * from calls the program wrote (its table is embedded in the jar).
 */
class LinkedScanTest {

    @TempDir
    Path tmp;

    @Test
    void sampleLinkedInBootAndIndyModeScansAsTheUnlinkedSample() throws IOException {
        Path sample = Samples.jar(Samples.SAMPLE);
        String expected = table(sample);
        for (String mode : List.of("boot", "indy")) {
            Path linked = link(sample, mode, null);
            assertEquals(expected, table(linked), mode);
        }
    }

    @Test
    void appAndLibraryLinkedOneByOneScanAsUnlinked() throws IOException {
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        Path app = Samples.jar(Samples.SAMPLE_APP);
        String expected = table(lib, app);
        for (String mode : List.of("boot", "indy")) {
            Path linkedLib = link(lib, mode, null);
            // Linked against the unlinked library, the app calls the generated trampolines of its groups.
            Path linkedApp = link(app, mode, lib);
            try (ZipFile zip = new ZipFile(linkedApp.toFile())) {
                assertTrue(zip.stream().anyMatch(e -> e.getName().startsWith("patchsite/trampolines/")), mode);
            }
            assertEquals(expected, table(linkedLib, app), mode + ": linked library");
            assertEquals(expected, table(lib, linkedApp), mode + ": linked app");
            assertEquals(expected, table(linkedLib, linkedApp), mode + ": both linked");
        }
    }

    private Path link(Path input, String mode, Path classpath) {
        Path out = tmp.resolve(mode + "-" + (classpath == null ? "" : "against-") + input.getFileName());
        Cli.Result result = classpath == null ? Cli.run("link", input, "--mode", mode, "-o", out)
                : Cli.run("link", input, "--classpath", classpath, "--mode", mode, "-o", out);
        result.assertExit(0).assertNoStackTrace();
        assertTrue(Files.isRegularFile(out));
        return out;
    }

    /** Returns the scanned table of the inputs without the sites' offsets. */
    private static String table(Object... inputs) {
        Object[] args = new Object[inputs.length + 1];
        args[0] = "scan";
        System.arraycopy(inputs, 0, args, 1, inputs.length);
        String table = Cli.run(args).assertClean(0).out();
        assertTrue(table.lines().filter(line -> line.startsWith("site ")).count() >= 17, table);
        return table.replaceAll(" offset=[0-9]+", "");
    }
}
