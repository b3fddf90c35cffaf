package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.testdata.Samples;
import java.io.File;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The boot agent patches every site the linker marked {@code patch}, no more and no fewer: a program loads every
 * class of the sample linked in boot mode (the copy of each class the JVM picks: the release-11 {@code Clock} on
 * JDK 17), runs the sample, and prints {@code PatchSite.report()}; started with {@code -javaagent} on a class path
 * (so no {@code Launcher-Agent-Class}), the report's {@code sites patched} add up to the table's {@code patch} sites
 * in the loaded classes.
 */
class AgentPatchCountTest {

    private static final String LOAD_ALL_THEN_RUN = """
            package wrap;

            import java.io.File;
            import java.util.jar.JarFile;
            import java.util.zip.ZipFile;

            public final class LoadAllThenRun {
                public static void main(String[] args) throws Exception {
                    ClassLoader system = ClassLoader.getSystemClassLoader();
                    int loaded = 0;
                    try (JarFile jar = new JarFile(new File(args[0]), true, ZipFile.OPEN_READ, Runtime.version())) {
                        for (String name : jar.versionedStream().map(e -> e.getName())
                                .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/")).toList()) {
                            Class.forName(name.substring(0, name.length() - 6).replace('/', '.'), false, system);
                            loaded++;
                        }
                    }
                    dev.patchsite.sample.app.Main.main(new String[0]);
                    System.out.println("loaded " + loaded + " classes");
                    for (String line : dev.patchsite.PatchSite.report()) {
                        System.out.println("report: " + line);
                    }
                }
            }
            """;

    private static final Pattern PATCHED = Pattern.compile("report: .*; sites patched: (\\d+), sites bound: \\d+,"
            + " trampolines bound: \\d+");

    @TempDir
    Path dir;

    @Test
    void agentPatchesEveryPatchSiteOfTheLoadedClasses() throws Exception {
        Path boot = dir.resolve("boot.jar");
        Linker.link(LinkRequest.of(Samples.jar(Samples.SAMPLE), boot).withMode(LinkMode.BOOT));
        Path agent = LinkTestFiles.agentJar(dir.resolve("agent.jar"));
        Path wrapper = LinkTestFiles.compile(dir.resolve("wrapper"), Map.of("wrap.LoadAllThenRun", LOAD_ALL_THEN_RUN),
                boot);

        PatchSiteTable table = LinkTestFiles.linkedTable(boot);
        List<String> entries = LinkTestFiles.entryNames(boot);
        int feature = Runtime.version().feature();
        int patchSites = 0;
        int patchSitesLoaded = 0;
        int tracepointSitesLoaded = 0;
        Set<String> baseClasses = new HashSet<>();
        for (String name : entries) {
            if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                baseClasses.add(name);
            }
        }
        for (Site site : table.sites()) {
            if (site.binding().kind() == Binding.Kind.PATCH) {
                patchSites++;
                if (site.release() == pickedRelease(entries, site.caller().owner(), feature)) {
                    patchSitesLoaded++;
                    if (site.functionId().startsWith(SampleOutput.LOCK_EVENTS)) {
                        tracepointSitesLoaded++;
                    }
                }
            }
        }
        assertEquals(16, patchSites, "the sample's patch sites (README: 20 sites, 3 addresses, 1 super)");
        assertEquals(15, patchSitesLoaded, "on Java 11+, the base Clock's site is in a class no JVM loads");
        assertEquals(2, tracepointSitesLoaded, "the updatable tracepoint's sites");

        ForkedJava.Result run = ForkedJava.current().run("-Xverify:all", "-javaagent:" + agent,
                "-Dpatchsite.select." + SampleOutput.SPIN_LOCK + "=paravirt",
                "-Dpatchsite.select." + SampleOutput.LOCK_EVENTS + "=enabled",
                "-cp", boot + File.pathSeparator + wrapper, "wrap.LoadAllThenRun", boot);

        run.assertClean();
        List<String> lines = run.out().lines().toList();
        int sampleLines = (int) SampleOutput.PARAVIRT_ENABLED.lines().count();
        assertEquals(SampleOutput.PARAVIRT_ENABLED, String.join("\n", lines.subList(0, sampleLines)) + "\n",
                run::describe);
        assertEquals("loaded " + baseClasses.size() + " classes", lines.get(sampleLines), run::describe);
        List<String> report = lines.subList(sampleLines + 1, lines.size());
        assertEquals(List.of(
                "report: " + SampleOutput.SPIN_LOCK + " -> paravirt (selected by -Dpatchsite.select."
                        + SampleOutput.SPIN_LOCK + "); sites patched: " + (patchSitesLoaded - tracepointSitesLoaded)
                        + ", sites bound: 0, trampolines bound: 2",
                "report: " + SampleOutput.LOCK_EVENTS + " -> enabled (selected by -Dpatchsite.select."
                        + SampleOutput.LOCK_EVENTS + "); sites patched: " + tracepointSitesLoaded
                        + ", sites bound: 0, trampolines bound: 1"),
                report, run::describe);
        int patched = 0;
        for (String line : report) {
            Matcher matcher = PATCHED.matcher(line);
            assertTrue(matcher.matches(), line);
            patched += Integer.parseInt(matcher.group(1));
        }
        assertEquals(patchSitesLoaded, patched, "sites patched, over all groups");
    }

    /** Returns the release of the copy of a class a multi-release jar gives a JVM of this feature version. */
    private static int pickedRelease(List<String> entries, String internalName, int feature) {
        int picked = 0;
        for (String name : entries) {
            if (name.startsWith("META-INF/versions/") && name.endsWith("/" + internalName + ".class")) {
                int release = Integer.parseInt(name.substring("META-INF/versions/".length(),
                        name.indexOf('/', "META-INF/versions/".length())));
                if (release <= feature && release > picked
                        && name.equals("META-INF/versions/" + release + "/" + internalName + ".class")) {
                    picked = release;
                }
            }
        }
        return picked;
    }
}
