package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ScanSettings;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.diff.TableDiff;
import dev.patchsite.linker.explain.Explainer;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.scan.TableSource;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Code of the program runs only when asked (issue 9, finding 7): {@code scan}, {@code link}, {@code verify} and
 * {@code diff} never run it; {@code explain} runs the probes, in a JVM of their own with a time limit, so that a probe
 * that calls {@code System.exit} or never returns is reported (a validation problem) and the other groups are still
 * explained.
 */
class ExplainProbesTest {

    @TempDir
    static Path tmp;
    private static Path program;
    private static Path marker;

    @BeforeAll
    static void build() throws IOException {
        marker = tmp.resolve("probe-ran");
        Map<String, String> sources = new HashMap<>();
        group(sources, "Exits", "System.exit(42); return true;");
        group(sources, "Loops", "while (true) { try { Thread.sleep(1000); } catch (InterruptedException e) { } }");
        group(sources, "Writes", "try { java.nio.file.Files.writeString(java.nio.file.Path.of(\""
                + marker.toString().replace("\\", "\\\\") + "\"),"
                + " System.getProperty(\"java.specification.version\")); } catch (java.io.IOException e) { }"
                + " System.out.println(\"a probe's own output\"); return true;");
        sources.put("p.Main", """
                package p;
                public class Main {
                    public static void main(String[] args) {
                        System.out.println(Exits.f() + Loops.f() + Writes.f());
                    }
                }
                """);
        program = LinkTestFiles.jar(LinkTestFiles.compile(tmp.resolve("src"), sources), tmp.resolve("app.jar"),
                "p.Main");
    }

    /** Adds a group {@code p.NAME} with a variant {@code v} whose probe's {@code getAsBoolean} runs the body. */
    private static void group(Map<String, String> sources, String name, String body) {
        sources.put("p." + name, "package p; public class " + name + " {"
                + " @dev.patchsite.RuntimeStatic public static String f() { return \"default\"; } }");
        sources.put("p." + name + "V", "package p; @dev.patchsite.Variant(of = " + name + ".class, name = \"v\","
                + " when = " + name + "Probe.class, priority = 1) public class " + name + "V {"
                + " public static String f() { return \"v\"; } }");
        sources.put("p." + name + "Probe", "package p; public class " + name + "Probe implements"
                + " java.util.function.BooleanSupplier { static { if (\"" + name + "\".equals(\"Writes\")) {"
                + " new " + name + "Probe().getAsBoolean(); } }"
                + " public boolean getAsBoolean() { " + body + " } }");
    }

    @Test
    void scanLinkVerifyAndDiffNeverRunTheProgram() throws Exception {
        Files.deleteIfExists(marker); // explain, in another test, may have run the probe
        byte[] before = Files.readAllBytes(program);
        ScanRequest settings = ScanRequest.of(List.of(program));
        PatchSiteTable table = Scanner.scan(settings);
        for (LinkMode mode : LinkMode.values()) {
            Path linked = tmp.resolve(mode.label() + ".jar");
            CoreRun.link(program, linked, mode).assertOk();
            CoreRun.verify(linked).assertOk();
            TableDiff.compare(TableSource.load(program, settings), TableSource.load(linked, settings));
        }
        TableDiff.compare(table, TableSource.load(program, settings));

        assertFalse(Files.exists(marker), "a workflow other than explain ran a probe");
        assertArrayEquals(before, Files.readAllBytes(program));
    }

    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void aProbeThatExitsAndOneThatNeverReturnsAreReported() {
        ValidationException problems = assertThrows(ValidationException.class, () -> Explainer.explain(
                ProgramFiles.of(program), ScanSettings.defaults(), Map.of(), Duration.ofSeconds(1)));

        assertEquals(List.of("2 problems in the selections:",
                "  group p.Exits: probe p.ExitsProbe ended the JVM (exit code 42)",
                "  group p.Loops: probe p.LoopsProbe did not answer in 1 s"), problems.getMessage().lines().toList());
    }

    @Test
    void explainRunsTheProbesOfTheGroupsItIsAskedAbout() throws Exception {
        Files.deleteIfExists(marker);
        String explanation = Explainer.explain(ProgramFiles.of(program), ScanSettings.defaults(),
                Map.of("p.Exits", "default", "p.Loops", "default"), Explainer.DEFAULT_PROBE_TIMEOUT);

        assertTrue(explanation.contains("""
                  probe v: p.WritesProbe true
                  selected: v (probe p.WritesProbe holds (priority 1))
                """), explanation);
        assertFalse(explanation.contains("a probe's own output"), explanation);
        assertTrue(Files.exists(marker), "explain did not run the probe");
    }

    // The probes run in a child JVM of the java that runs explain: on JDK 25, a child of JDK 25 loads the linker's
    // classes and the program's (a linked jar here, as linked on this JDK) and answers in the same protocol.
    @Test
    @Timeout(value = 120, unit = TimeUnit.SECONDS)
    void explainRunsTheProbesOfALinkedProgramOnJdk25() throws IOException {
        Optional<ForkedJava> jdk25 = ForkedJava.jdk25();
        assumeTrue(jdk25.isPresent(), "no JDK 25 (set -D" + ForkedJava.JDK25_PROPERTY + "=its home)");
        Path linked = tmp.resolve("explained-on-25.jar");
        CoreRun.link(program, linked, LinkMode.BOOT).assertOk();
        Files.deleteIfExists(marker);

        ForkedJava.Result result = jdk25.get().run("-cp", System.getProperty("java.class.path"),
                ExplainMain.class.getName(), linked.toString(), "p.Exits=default", "p.Loops=default").assertClean();

        assertTrue(result.out().contains("""
                  probe v: p.WritesProbe true
                  selected: v (probe p.WritesProbe holds (priority 1))
                """), result.describe());
        assertEquals("25", Files.readString(marker), "the Java version the probe ran on");
    }
}
