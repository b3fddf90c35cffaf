package dev.patchsite.linker.example;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the README's library example on the sample, and checks that the README shows its code as it is. */
class LibraryExampleTest {

    private static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata"));
    private static final Path ROOT = TESTDATA.getParent().getParent();

    @TempDir
    Path dir;

    @Test
    void runsOnTheSample() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream saved = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            LibraryExample.main(new String[] {TESTDATA.resolve("sample.jar").toString(),
                    TESTDATA.resolve("sample-v2.jar").toString(), dir.resolve("linked.jar").toString()});
        } finally {
            System.setOut(saved);
        }
        String text = out.toString(StandardCharsets.UTF_8);
        assertTrue(text.startsWith("patchsite-table 1\n"), text);
        assertTrue(text.contains("\nlinked: "), text);
        assertTrue(text.contains("\npatchsite diff: "), text);
        assertTrue(text.contains("\nthe sites changed: "), text);
        assertTrue(Files.isRegularFile(dir.resolve("linked.jar")));
    }

    @Test
    void theReadmeShowsTheExampleAsItIs() throws IOException {
        Path source = ROOT.resolve("linker/src/test/java/dev/patchsite/linker/example/LibraryExample.java");
        List<String> lines = Files.readAllLines(source, StandardCharsets.UTF_8);
        List<String> region = lines.subList(lines.indexOf("        // tag::library[]") + 1,
                lines.indexOf("        // end::library[]"));
        String snippet = region.stream().map(line -> line.length() < 8 ? line.strip() : line.substring(8))
                .collect(Collectors.joining("\n", "```java\n", "\n```\n"));
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        assertTrue(readme.contains(snippet), "README.md must show LibraryExample's region library as it is:\n"
                + snippet);
    }
}
