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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group is selected once, however many threads race to bind it: 16 threads wait on a barrier and then, at the
 * same moment, each load a caller class of its own and call the group's function through it, then all call it
 * through one shared site. Every thread must see the same variant, the winning probe must be evaluated exactly once
 * (it sleeps, to keep the race open) and the lower-priority one never, and {@code -Dpatchsite.verbose=true} must
 * report one selection. Each run is a fresh JVM: indy mode (16 sites bootstrapped at once, and one site by 16 threads
 * at once), boot mode with the agent (16 caller classes patched as they load at once) and boot mode without it (the
 * trampoline bootstrapped by 16 threads at once).
 */
class ConcurrencyTest {

    static final int THREADS = 16;

    @TempDir
    static Path dir;

    private static Path boot;
    private static Path indy;

    private static final ForkedJava JAVA = ForkedJava.current().with("-Xverify:all", "-Dpatchsite.verbose=true");

    private static final String EXPECTED_OUT = """
            direct: [fast]
            shared: [fast]
            probes: fast=1 slow=0
            """;
    private static final String SELECTION = "conc.Pick -> fast (probe conc.FastProbe holds (priority 10))";
    private static final Pattern REPORT = Pattern.compile("report: " + Pattern.quote(SELECTION)
            + "; sites patched: (\\d+), sites bound: (\\d+), trampolines bound: (\\d+)");

    @BeforeAll
    static void compileAndLink() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("conc.Pick", """
                package conc;

                public final class Pick {
                    private Pick() {
                    }

                    @dev.patchsite.RuntimeStatic
                    public static String which() {
                        return "default";
                    }
                }
                """);
        sources.put("conc.FastPick", """
                package conc;

                @dev.patchsite.Variant(of = Pick.class, name = "fast", when = FastProbe.class, priority = 10)
                public final class FastPick {
                    public static String which() {
                        return "fast";
                    }
                }
                """);
        sources.put("conc.SlowPick", """
                package conc;

                @dev.patchsite.Variant(of = Pick.class, name = "slow", when = SlowProbe.class, priority = 5)
                public final class SlowPick {
                    public static String which() {
                        return "slow";
                    }
                }
                """);
        for (String probe : List.of("FastProbe", "SlowProbe")) {
            sources.put("conc." + probe, """
                    package conc;

                    import java.util.concurrent.atomic.AtomicInteger;
                    import java.util.function.BooleanSupplier;

                    /** Holds, after a pause that keeps the other threads racing; counts its evaluations. */
                    public final class PROBE implements BooleanSupplier {
                        public static final AtomicInteger EVALUATED = new AtomicInteger();

                        public PROBE() {
                        }

                        @Override
                        public boolean getAsBoolean() {
                            EVALUATED.incrementAndGet();
                            try {
                                Thread.sleep(50);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return true;
                        }
                    }
                    """.replace("PROBE", probe));
        }
        StringBuilder dispatch = new StringBuilder();
        for (int i = 0; i < THREADS; i++) {
            String caller = String.format("Caller%02d", i);
            sources.put("conc." + caller, """
                    package conc;

                    public final class CALLER {
                        public static String call() {
                            return Pick.which();
                        }
                    }
                    """.replace("CALLER", caller));
            dispatch.append("            case ").append(i).append(": return ").append(caller).append(".call();\n");
        }
        sources.put("conc.Shared", """
                package conc;

                public final class Shared {
                    public static String call() {
                        return Pick.which();
                    }
                }
                """);
        sources.put("conc.Main", """
                package conc;

                import java.util.Arrays;
                import java.util.TreeSet;
                import java.util.concurrent.CyclicBarrier;
                import java.util.concurrent.TimeUnit;

                public final class Main {
                    static String call(int i) {
                        switch (i) {
                DISPATCH            default: throw new IllegalArgumentException("no caller " + i);
                        }
                    }

                    public static void main(String[] args) throws Exception {
                        int n = THREADS;
                        CyclicBarrier barrier = new CyclicBarrier(n);
                        String[] direct = new String[n];
                        String[] shared = new String[n];
                        Thread[] threads = new Thread[n];
                        for (int i = 0; i < n; i++) {
                            int index = i;
                            threads[i] = new Thread(() -> {
                                try {
                                    barrier.await(20, TimeUnit.SECONDS);
                                    direct[index] = call(index);
                                    shared[index] = Shared.call();
                                } catch (Exception e) {
                                    throw new RuntimeException(e);
                                }
                            });
                            threads[i].start();
                        }
                        for (Thread thread : threads) {
                            thread.join();
                        }
                        System.out.println("direct: " + new TreeSet<>(Arrays.asList(direct)));
                        System.out.println("shared: " + new TreeSet<>(Arrays.asList(shared)));
                        System.out.println("probes: fast=" + FastProbe.EVALUATED + " slow=" + SlowProbe.EVALUATED);
                        for (String line : dev.patchsite.PatchSite.report()) {
                            System.out.println("report: " + line);
                        }
                    }
                }
                """.replace("DISPATCH", dispatch).replace("THREADS", Integer.toString(THREADS)));
        Path classes = LinkTestFiles.compile(dir.resolve("program"), sources);
        Path jar = LinkTestFiles.jar(classes, dir.resolve("conc.jar"), "conc.Main");
        boot = dir.resolve("conc-boot.jar");
        indy = dir.resolve("conc-indy.jar");
        Linker.link(LinkRequest.of(jar, boot).withMode(LinkMode.BOOT));
        Linker.link(LinkRequest.of(jar, indy).withMode(LinkMode.INDY));
    }

    /** The program has the sites the runs rely on: 17 call sites, patched in boot mode, indy in indy mode. */
    @Test
    void everyCallerSiteIsBoundDirectly() throws Exception {
        for (Map.Entry<Path, String> linked : Map.of(boot, "patch", indy, "indy").entrySet()) {
            PatchSiteTable table = LinkTestFiles.linkedTable(linked.getKey());
            assertEquals(THREADS + 1, table.sites().size(), table::toString);
            for (Site site : table.sites()) {
                assertEquals(linked.getValue(), site.binding().label(), site::toString);
            }
        }
    }

    @RepeatedTest(5)
    void indyModeSelectsOnce() {
        ForkedJava.Result run = JAVA.run("-jar", indy);
        long[] counts = assertSelectedOnce(run);
        assertEquals(0, counts[0], "sites patched");
        // A racing bootstrap may run more than once for one site; one result wins (JVMS 5.4.3.6).
        assertTrue(counts[1] >= THREADS + 1, () -> "sites bound: " + run.describe());
        assertEquals(0, counts[2], "trampolines bound");
    }

    @RepeatedTest(5)
    void bootModeWithTheAgentSelectsOnce() {
        ForkedJava.Result run = JAVA.run("-jar", boot);
        long[] counts = assertSelectedOnce(run);
        assertEquals(THREADS + 1, counts[0], () -> "sites patched: " + run.describe());
        assertEquals(0, counts[1], "sites bound");
        assertEquals(0, counts[2], "trampolines bound");
    }

    @RepeatedTest(2)
    void bootModeWithoutTheAgentSelectsOnce() {
        ForkedJava.Result run = JAVA.run("-cp", boot, "conc.Main");
        long[] counts = assertSelectedOnce(run);
        assertEquals(0, counts[0], "sites patched");
        assertEquals(0, counts[1], "sites bound");
        assertTrue(counts[2] >= 1, () -> "trampolines bound: " + run.describe());
    }

    /**
     * Asserts one selection, seen by every thread, with one probe evaluation and one verbose line, and returns the
     * report's counts: sites patched, sites bound, trampolines bound.
     */
    private static long[] assertSelectedOnce(ForkedJava.Result run) {
        run.assertExit(0);
        List<String> lines = run.out().lines().toList();
        assertEquals(EXPECTED_OUT, String.join("\n", lines.subList(0, 3)) + "\n", run::describe);
        assertEquals(4, lines.size(), run::describe);
        Matcher report = REPORT.matcher(lines.get(3));
        assertTrue(report.matches(), run::describe);
        List<String> bindings = run.err().lines().filter(line -> !line.startsWith("patchsite report: ")).toList();
        assertEquals(List.of("patchsite: " + SELECTION), bindings, run::describe);
        return new long[] {Long.parseLong(report.group(1)), Long.parseLong(report.group(2)),
            Long.parseLong(report.group(3))};
    }
}
