package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code PatchSite.update} of a tracepoint while threads call it: 4 threads call an updatable function in a loop
 * while the main thread switches it on ({@code enabled}) and off ({@code default}) 100 times. Every call must reach
 * one of the two (calls made = default hits + enabled hits), and a call must see the last update that returned before
 * it started: the main thread publishes a phase in a volatile field before and after each update, and a call that
 * read the same stable phase before and after itself must have hit that phase's implementation (no event lost while
 * on, none recorded while off). Each run is a fresh JVM under {@code -Xverify:all}: in indy mode (the site is an
 * {@code invokedynamic} on the shared {@code MutableCallSite}); in boot mode with the agent, where the
 * agent patches the site to the current target and each update patches it again by retransforming its class; and in
 * boot mode on the trampoline (without the agent, in each tier and on JDK 25, or with the agent told to leave
 * updatable sites), which reads the target its holder keeps for it, once per call. The site is in a method the loop
 * calls: an update reaches a method activation that starts after it.
 */
class TracepointUpdateTest {

    @TempDir
    static Path dir;

    private static Path boot;
    private static Path indy;

    private static final ForkedJava JAVA = ForkedJava.current().with("-Xverify:all");

    private static final String EXPECTED_OUT = """
            calls = default hits + enabled hits: true
            lost while enabled: 0
            recorded while default: 0
            checked while enabled: true
            checked while default: true
            selected after each update: true
            selected at the end: default
            """;

    @BeforeAll
    static void compileAndLink() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("tp.Trace", """
                package tp;

                public final class Trace {
                    private Trace() {
                    }

                    /** The tracepoint: off by default (it only counts that it ran). */
                    @dev.patchsite.RuntimeStatic(updatable = true)
                    public static void hit() {
                        Hits.DEFAULT.increment();
                        Hits.mine()[0]++;
                    }
                }
                """);
        sources.put("tp.TraceEnabled", """
                package tp;

                @dev.patchsite.Variant(of = Trace.class, name = "enabled")
                public final class TraceEnabled {
                    public static void hit() {
                        Hits.ENABLED.increment();
                        Hits.mine()[1]++;
                    }
                }
                """);
        sources.put("tp.Hits", """
                package tp;

                import java.util.concurrent.atomic.LongAdder;

                /** What each implementation ran: in total, and on the calling thread ({default, enabled}). */
                public final class Hits {
                    public static final LongAdder DEFAULT = new LongAdder();
                    public static final LongAdder ENABLED = new LongAdder();
                    private static final ThreadLocal<long[]> MINE = ThreadLocal.withInitial(() -> new long[2]);

                    public static long[] mine() {
                        return MINE.get();
                    }
                }
                """);
        sources.put("tp.Main", """
                package tp;

                import dev.patchsite.PatchSite;

                public final class Main {
                    static final int WORKERS = 4;
                    static final int ROUNDS = 50;
                    static final long CALLS_PER_PHASE = 20_000;

                    /** 4r+0: off, stable; 4r+1: switching on; 4r+2: on, stable; 4r+3: switching off. */
                    static volatile int phase;
                    static volatile boolean stop;

                    /**
                     * The site, in a method of its own: with the agent, an update re-patches the method, and a
                     * method activation that started before keeps the code it started with until it returns.
                     */
                    static void fire() {
                        Trace.hit();
                    }

                    static final class Worker extends Thread {
                        long calls;
                        long checkedOn;
                        long checkedOff;
                        long lost;
                        long recorded;

                        @Override
                        public void run() {
                            long[] mine = Hits.mine();
                            while (!stop) {
                                int before = phase;
                                long enabledBefore = mine[1];
                                fire();
                                calls++;
                                boolean enabled = mine[1] != enabledBefore;
                                if (phase == before) {
                                    if (before % 4 == 2) {
                                        checkedOn++;
                                        if (!enabled) {
                                            lost++;
                                        }
                                    } else if (before % 4 == 0) {
                                        checkedOff++;
                                        if (enabled) {
                                            recorded++;
                                        }
                                    }
                                }
                            }
                        }
                    }

                    static void awaitCalls() {
                        long target = Hits.DEFAULT.sum() + Hits.ENABLED.sum() + CALLS_PER_PHASE;
                        long deadline = System.nanoTime() + 20_000_000_000L;
                        while (Hits.DEFAULT.sum() + Hits.ENABLED.sum() < target) {
                            if (System.nanoTime() > deadline) {
                                throw new IllegalStateException("the workers stopped calling the tracepoint");
                            }
                            Thread.onSpinWait();
                        }
                    }

                    public static void main(String[] args) throws Exception {
                        Worker[] workers = new Worker[WORKERS];
                        for (int i = 0; i < WORKERS; i++) {
                            workers[i] = new Worker();
                            workers[i].start();
                        }
                        awaitCalls();
                        boolean selected = true;
                        for (int round = 0; round < ROUNDS; round++) {
                            phase = 4 * round + 1;
                            PatchSite.update(Trace.class, "enabled");
                            selected &= "enabled".equals(PatchSite.selected(Trace.class));
                            phase = 4 * round + 2;
                            awaitCalls();
                            phase = 4 * round + 3;
                            PatchSite.update(Trace.class, "default");
                            selected &= "default".equals(PatchSite.selected(Trace.class));
                            phase = 4 * round + 4;
                            awaitCalls();
                        }
                        stop = true;
                        long calls = 0;
                        long checkedOn = 0;
                        long checkedOff = 0;
                        long lost = 0;
                        long recorded = 0;
                        for (Worker worker : workers) {
                            worker.join();
                            calls += worker.calls;
                            checkedOn += worker.checkedOn;
                            checkedOff += worker.checkedOff;
                            lost += worker.lost;
                            recorded += worker.recorded;
                        }
                        long hits = Hits.DEFAULT.sum() + Hits.ENABLED.sum();
                        System.out.println("calls = default hits + enabled hits: " + (calls == hits));
                        System.out.println("lost while enabled: " + lost);
                        System.out.println("recorded while default: " + recorded);
                        System.out.println("checked while enabled: " + (checkedOn > 0));
                        System.out.println("checked while default: " + (checkedOff > 0));
                        System.out.println("selected after each update: " + selected);
                        System.out.println("selected at the end: " + PatchSite.selected(Trace.class));
                        System.out.println("stats: calls=" + calls + " default=" + Hits.DEFAULT.sum() + " enabled="
                                + Hits.ENABLED.sum() + " checkedOn=" + checkedOn + " checkedOff=" + checkedOff);
                        String report = PatchSite.report().get(0);
                        System.out.println("bound: " + report.substring(report.indexOf("; ") + 2));
                    }
                }
                """);
        Path classes = LinkTestFiles.compile(dir.resolve("program"), sources);
        Path jar = LinkTestFiles.jar(classes, dir.resolve("tp.jar"), "tp.Main");
        boot = dir.resolve("tp-boot.jar");
        indy = dir.resolve("tp-indy.jar");
        Linker.link(LinkRequest.of(jar, boot).withMode(LinkMode.BOOT));
        Linker.link(LinkRequest.of(jar, indy).withMode(LinkMode.INDY));
    }

    /** The worker's call is the only site: patched by the agent (boot) or on the shared call site (indy). */
    @Test
    void theSiteIsBoundAsAnUpdatableOne() throws Exception {
        for (Map.Entry<Path, String> linked : Map.of(boot, "patch", indy, "indy").entrySet()) {
            PatchSiteTable table = LinkTestFiles.linkedTable(linked.getKey());
            List<Site> sites = table.sites();
            assertEquals(1, sites.size(), table::toString);
            assertEquals("tp/Main", sites.get(0).caller().owner(), table::toString);
            assertEquals(linked.getValue(), sites.get(0).binding().label(), table::toString);
        }
    }

    @RepeatedTest(2)
    void indyModeSeesEveryUpdate() {
        assertEveryUpdateSeen(JAVA.run("-jar", indy), 0);
    }

    /** With the agent, each update patches the site again (in each tier: {@link TracepointPatchOutTest}). */
    @RepeatedTest(2)
    void bootModeSeesEveryUpdate() {
        assertEveryUpdateSeen(JAVA.run("-jar", boot), 1);
    }

    /**
     * Without the agent the site stays on its trampoline, which reads its holder's target once per call (no call
     * site): in each tier, since the interpreter, C1 and C2 each compile that read themselves.
     */
    @ParameterizedTest
    @ValueSource(strings = {"-XX:+TieredCompilation", "-Xint", "-XX:TieredStopAtLevel=1"})
    void bootModeWithoutTheAgentSeesEveryUpdateInEveryTier(String tier) {
        assertEveryUpdateSeen(JAVA.with(tier).run("-cp", boot, "tp.Main"), 0);
    }

    @Test
    void bootModeWithoutTheAgentSeesEveryUpdateOnJdk25() {
        assertEveryUpdateSeen(Jvms.jdk25().run("-cp", boot, "tp.Main"), 0);
    }

    /** {@code -Dpatchsite.patchUpdatable=false} keeps the site on its trampoline, whose call site follows updates. */
    @Test
    void bootModeWithTheAgentCanKeepTheSiteOnItsTrampoline() {
        assertEveryUpdateSeen(JAVA.with("-Dpatchsite.patchUpdatable=false").run("-jar", boot),
                0);
    }

    /** Checks the output, and how many sites the agent patched (the bootstraps' counts depend on racing threads). */
    private static void assertEveryUpdateSeen(ForkedJava.Result run, int patched) {
        run.assertClean();
        List<String> lines = run.out().lines().toList();
        assertEquals(9, lines.size(), run::describe);
        assertEquals(EXPECTED_OUT, String.join("\n", lines.subList(0, 7)) + "\n", run::describe);
        assertTrue(lines.get(7).startsWith("stats: "), run::describe);
        assertTrue(lines.get(8).startsWith("bound: sites patched: " + patched + ", "), run::describe);
    }
}
