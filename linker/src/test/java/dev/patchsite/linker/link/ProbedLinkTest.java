package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.explain.ProbedLink;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.testdata.Samples;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code link --mode static --select-by-probes} ({@link ProbedLink}), the documented way to keep every class of a
 * linked program cacheable by the JDK's AOT cache: the probes run at link time, on this machine, so the static jar runs
 * what the boot-linked jar selects here at boot, with no agent and no class changed as it loads. On Temurin 25, every
 * class of the sample linked so loads from an AOT cache made by a training run.
 */
class ProbedLinkTest {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    static Path dir;
    private static Path boot;
    private static Path probed;
    private static PatchSiteTable table;

    @BeforeAll
    static void link() throws Exception {
        boot = dir.resolve("boot.jar");
        probed = dir.resolve("static.jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), boot));
        table = ProbedLink.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), probed).withMode(LinkMode.STATIC),
                TIMEOUT);
    }

    /** The selections fixed in the jar are those the runtime makes here at boot, with the agent, on 17 and 25. */
    @Test
    void theStaticJarRunsWhatTheBootJarSelectsAtBootOnThisMachine() {
        assertEquals(LinkMode.STATIC, table.linkedMode());
        assertEquals(List.of(SampleOutput.SPIN_LOCK, SampleOutput.LOCK_EVENTS),
                List.copyOf(table.linkedSelections().keySet()));
        List<ForkedJava> jdks = new ArrayList<>(List.of(Jvms.JDK17));
        if (ForkedJava.jdk25().isPresent()) {
            jdks.add(Jvms.jdk25());
        }
        for (ForkedJava java : jdks) {
            String atBoot = java.run("-jar", boot).assertClean().out();
            assertEquals(atBoot, java.run("-jar", probed).assertClean().out(), java.home().toString());
        }
        ForkedJava.Result verbose = Jvms.JDK17.run("-Dpatchsite.verbose=true", "-jar", boot).assertExit(0);
        assertTrue(verbose.err().contains("patchsite: " + SampleOutput.SPIN_LOCK + " -> "
                + table.linkedSelections().get(SampleOutput.SPIN_LOCK) + " ("), verbose.err());
    }

    @Test
    void aSelectionGivenWinsOverTheProbes() throws Exception {
        Path numa = dir.resolve("numa.jar");
        PatchSiteTable linked = ProbedLink.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), numa)
                .withMode(LinkMode.STATIC).withSelections(Map.of(SampleOutput.SPIN_LOCK, "numa")), TIMEOUT);

        assertEquals("numa", linked.linkedSelections().get(SampleOutput.SPIN_LOCK));
        assertEquals(SampleOutput.NUMA, Jvms.JDK17.run("-jar", numa).assertClean().out());
    }

    @Test
    void itLinksInStaticModeOnly() {
        Path out = dir.resolve("boot-probed.jar");
        LinkException e = assertThrows(LinkException.class,
                () -> ProbedLink.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), out), TIMEOUT));

        assertEquals("--select-by-probes fixes the selections at link time: it needs --mode static, not --mode boot",
                e.getMessage());
        assertFalse(Files.exists(out));
    }

    /**
     * Temurin 25: after one training run ({@code -XX:AOTCacheOutput}), every class of the sample, as
     * {@code -Xlog:class+load} reports it, loads from the AOT cache ({@code source: shared objects file}).
     */
    @Test
    void everyClassOfTheStaticJarLoadsFromTheAotCache() {
        ForkedJava java = Jvms.jdk25();
        Path cache = dir.resolve("static.aot");
        java.run("-XX:AOTCacheOutput=" + cache, "-jar", probed).assertExit(0);
        ForkedJava.Result run = java.run("-XX:AOTCache=" + cache, "-Xlog:class+load", "-jar", probed).assertExit(0);

        List<String> loaded = run.out().lines().filter(line -> line.contains("[class,load] dev.patchsite.sample."))
                .toList();
        assertTrue(loaded.size() >= 10, () -> "too few classes of the sample loaded: " + run.describe());
        assertEquals(List.of(), loaded.stream().filter(line -> !line.contains("source: shared objects file"))
                .toList(), "classes not loaded from the AOT cache");
    }
}
