package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.testdata.Samples;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariant 1 (linking changes performance, never behaviour), by running the sample: for each forced selection of
 * {@code SpinLock} (default, numa, paravirt) and {@code LockEvents} (default, enabled), the sample linked in boot mode
 * (with the agent, {@code java -jar}, and without it, {@code java -cp}), in indy mode, and in static mode with the
 * matching {@code --select} prints exactly the text {@code testdata/README.md} gives for that selection; unlinked, it
 * prints the all-default text. Every run is a JVM of its own under {@code -Xverify:all}.
 */
class DifferentialTest {

    @TempDir
    static Path dir;

    private static Path boot;
    private static Path indy;

    private static final ForkedJava JAVA = ForkedJava.current().with("-Xverify:all");

    @BeforeAll
    static void link() throws Exception {
        boot = dir.resolve("boot.jar");
        indy = dir.resolve("indy.jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), boot).withMode(LinkMode.BOOT));
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), indy).withMode(LinkMode.INDY));
    }

    static Stream<SampleOutput.Selection> selections() {
        return SampleOutput.ALL.stream();
    }

    @Test
    void unlinkedSampleRunsEveryDefault() {
        ForkedJava.Result run = JAVA.run("-jar", Samples.jar(Samples.SAMPLE)).assertClean();
        assertEquals(SampleOutput.DEFAULT, run.out());
    }

    /**
     * Every linked form prints the selection's text; the runtime ones also say, once per group, that the selection
     * came from the system property ({@code -Dpatchsite.verbose=true}), and the static one needs no runtime at all.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void everyLinkedFormPrintsTheSelectionsOutput(SampleOutput.Selection selection) throws Exception {
        Path statik = dir.resolve("static-" + selection.spinLock() + "-" + selection.lockEvents() + ".jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), statik).withMode(LinkMode.STATIC)
                .withSelections(Map.of(SampleOutput.SPIN_LOCK, selection.spinLock(),
                        SampleOutput.LOCK_EVENTS, selection.lockEvents())));
        assertNull(LinkTestFiles.entry(statik, RuntimeClasses.MARKER), "static mode embeds no runtime");

        List<String> options = new ArrayList<>(selection.properties());
        options.add("-Dpatchsite.verbose=true");
        ForkedJava runtime = JAVA.with(options.toArray(String[]::new));
        Map<String, ForkedJava.Result> runs = new LinkedHashMap<>();
        runs.put("boot, agent (java -jar)", runtime.run("-jar", boot));
        runs.put("boot, no agent (java -cp)", runtime.run("-cp", boot, SampleOutput.MAIN));
        runs.put("indy", runtime.run("-jar", indy));
        runs.put("static", JAVA.run("-jar", statik));

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        String bindings = "patchsite: " + SampleOutput.SPIN_LOCK + " -> " + selection.spinLock()
                + " (selected by -Dpatchsite.select." + SampleOutput.SPIN_LOCK + ")\n"
                + "patchsite: " + SampleOutput.LOCK_EVENTS + " -> " + selection.lockEvents()
                + " (selected by -Dpatchsite.select." + SampleOutput.LOCK_EVENTS + ")\n";
        for (Map.Entry<String, ForkedJava.Result> run : runs.entrySet()) {
            run.getValue().assertExit(0);
            expected.put(run.getKey() + " stdout", selection.expected());
            actual.put(run.getKey() + " stdout", run.getValue().out());
            expected.put(run.getKey() + " stderr", run.getKey().equals("static") ? "" : bindings);
            actual.put(run.getKey() + " stderr", sortedLines(run.getValue().err()));
        }
        assertEquals(expected, actual, selection.toString());
    }

    /**
     * The clock sample, whose function is the JDK's {@code System.nanoTime()} (named in a declaration file), prints
     * {@code stopwatch clock: coarse} in every linked form ({@code CoarseClock} is {@code when = Always}) and
     * {@code system} unlinked.
     */
    @Test
    void clockSampleUsesTheCoarseClockInEveryLinkedForm() throws Exception {
        Path clock = Samples.jar(Samples.SAMPLE_CLOCK);
        assertEquals("stopwatch clock: system\n", JAVA.run("-jar", clock).assertClean().out());
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (LinkMode mode : LinkMode.values()) {
            Path linked = dir.resolve("clock-" + mode.label() + ".jar");
            Linker.link(new LinkRequest(List.of(clock), List.of(), List.of(linked), mode,
                    mode == LinkMode.STATIC ? Map.of("java.lang.System", "coarse") : Map.of(),
                    Samples.clockDeclarations(), 2, false, true, PatchsiteLog.SILENT));
            List<ForkedJava.Result> runs = new ArrayList<>(List.of(JAVA.run("-jar", linked)));
            if (mode == LinkMode.BOOT) {
                runs.add(JAVA.run("-cp", linked, Samples.STOPWATCH_CLASS));
            }
            for (ForkedJava.Result run : runs) {
                expected.put(run.command(), "exit 0: stopwatch clock: coarse\n");
                actual.put(run.command(), "exit " + run.exitCode() + ": " + run.out() + run.err());
            }
        }
        assertEquals(expected, actual);
    }

    /**
     * Returns the lines of standard error sorted (the groups bind in an order that depends on the mode), without the
     * report {@code -Dpatchsite.verbose=true} prints at exit (its counts of bound trampolines may vary with racing
     * bootstraps; {@link AgentPatchCountTest} checks what the agent patched).
     */
    private static String sortedLines(String text) {
        StringBuilder sorted = new StringBuilder();
        text.lines().filter(line -> !line.startsWith("patchsite report: ")).sorted()
                .forEach(line -> sorted.append(line).append('\n'));
        return sorted.toString();
    }
}
