package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.testdata.FatJars;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A Spring Boot executable jar of the sample ({@link FatJars}: the application in {@code BOOT-INF/classes/}, the
 * library that declares the functions stored in {@code BOOT-INF/lib/}, started by Spring Boot's launcher) is one
 * program: its table is the sample's, each site tagged with where it is; linked in each mode, it starts with
 * {@code java -jar} and prints what the sample prints for each forced selection (invariant 1), on JDK 17 and 25
 * under {@code -Xverify:all}; the nested jar is rewritten and stored with its CRC, the runtime and
 * {@code Launcher-Agent-Class} are at the top level, and the output is deterministic and relinks to the same bytes.
 *
 * <p>The application's {@code META-INF/versions/11/} copy of {@code Clock} is not loaded by Spring Boot's launcher
 * from {@code BOOT-INF/classes/} (it honours multi-release jars in {@code BOOT-INF/lib/} only), so the two lines the
 * sample prints about it are compared between the unlinked and linked fat jars rather than with the sample's text.
 */
class SpringBootJarTest {

    private static final String CLASSES = "BOOT-INF/classes/";
    private static final String MULTI_RELEASE = "multi-release clock";
    private static final String NO_AGENT_MAIN = "org.springframework.boot.loader.launch.JarLauncher";

    @TempDir
    static Path dir;

    private static Path fat;
    private static Path boot;
    private static Path indy;

    @BeforeAll
    static void link() throws IOException {
        fat = FatJars.boot(dir.resolve("app.jar"));
        boot = dir.resolve("app-boot.jar");
        indy = dir.resolve("app-indy.jar");
        CoreRun.link(fat, boot, LinkMode.BOOT).assertQuiet();
        CoreRun.link(fat, indy, LinkMode.INDY).assertQuiet();
    }

    static List<SampleOutput.Selection> selections() {
        return SampleOutput.ALL;
    }

    @Test
    void tableIsTheSamplesWithEachSiteTaggedWithItsNestedPath() throws Exception {
        PatchSiteTable nested = Scanner.scan(new ScanRequest(List.of(fat), null, 2, PatchsiteLog.SILENT));
        PatchSiteTable plain = Scanner.scan(ScanRequest.of(List.of(Samples.jar(Samples.SAMPLE))));
        assertEquals(plain.functions(), nested.functions());
        assertEquals(plain.variants(), nested.variants());
        assertEquals(keys(plain), keys(nested), "the same sites, by identity");
        Map<String, String> where = new TreeMap<>();
        for (Site site : nested.sites()) {
            String expected = site.caller().owner().startsWith("dev/patchsite/sample/app/") ? CLASSES
                    : FatJars.BOOT_LIB;
            where.put(site.key().toString(), expected.equals(site.in()) ? "ok" : site.in());
        }
        assertEquals(Set.of("ok"), Set.copyOf(where.values()), where.toString());
    }

    @Test
    void unlinkedFatJarRunsEveryDefault() {
        ForkedJava.Result run = Jvms.JDK17.run("-jar", fat).assertClean();
        assertEquals(withoutMultiRelease(SampleOutput.DEFAULT), withoutMultiRelease(run.out()));
    }

    /**
     * Linked in each mode, the fat jar prints the selection's text: with the agent that {@code Launcher-Agent-Class}
     * starts, without it (Spring Boot's launcher run from {@code -cp}), bound at first call, and fixed at link time.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("selections")
    void everyLinkedFormPrintsTheSelectionsOutput(SampleOutput.Selection selection) {
        Path statik = dir.resolve("app-static-" + selection.spinLock() + "-" + selection.lockEvents() + ".jar");
        CoreRun.link(List.of(fat), List.of(statik), LinkMode.STATIC, Map.of(SampleOutput.SPIN_LOCK,
                selection.spinLock(), SampleOutput.LOCK_EVENTS, selection.lockEvents()), List.of()).assertQuiet();
        ForkedJava runtime = Jvms.JDK17.with(selection.properties().toArray(String[]::new));
        Map<String, ForkedJava.Result> runs = new LinkedHashMap<>();
        runs.put("boot, agent (java -jar)", runtime.run("-jar", boot));
        runs.put("boot, no agent (java -cp)", runtime.run("-cp", boot, NO_AGENT_MAIN));
        runs.put("indy", runtime.run("-jar", indy));
        runs.put("static", Jvms.JDK17.run("-jar", statik));
        assertRuns(selection, runs);
    }

    @Test
    void jdk25RunsTheLinkedFatJar() {
        ForkedJava jdk25 = Jvms.jdk25();
        for (SampleOutput.Selection selection : List.of(SampleOutput.ALL.get(0),
                SampleOutput.ALL.get(SampleOutput.ALL.size() - 1))) {
            ForkedJava runtime = jdk25.with(selection.properties().toArray(String[]::new));
            Map<String, ForkedJava.Result> runs = new LinkedHashMap<>();
            runs.put("JDK 25, boot, agent (java -jar)", runtime.run("-jar", boot));
            runs.put("JDK 25, indy", runtime.run("-jar", indy));
            assertRuns(selection, runs);
        }
    }

    /** The agent patches the sites of the classes Spring Boot's class loader loads, nested library's included. */
    @Test
    void agentPatchesSitesInTheApplicationAndTheNestedLibrary() {
        ForkedJava.Result run = Jvms.JDK17.run("-Dpatchsite.verbose=true", "-Dpatchsite.select."
                + SampleOutput.SPIN_LOCK + "=paravirt", "-jar", boot).assertExit(0);
        String report = run.err().lines().filter(line -> line.startsWith("patchsite report: "
                + SampleOutput.SPIN_LOCK)).findFirst().orElse("");
        assertTrue(report.contains("sites patched: 11"), "the agent patches the 11 SpinLock sites of classes the"
                + " sample loads (BOOT-INF/classes and BOOT-INF/lib/sample-lib.jar): " + run.err());
    }

    @Test
    void linkedFatJarsVerify() {
        CoreRun.verify(boot).assertQuiet();
        CoreRun.verify(indy).assertQuiet();
    }

    @Test
    void nestedJarIsRewrittenAndStoredWithItsCrcAndTheRuntimeIsAtTheTopLevel() throws IOException {
        try (ZipFile zip = new ZipFile(boot.toFile())) {
            ZipEntry lib = zip.getEntry(FatJars.BOOT_LIB);
            byte[] bytes = read(zip, lib);
            assertEquals(ZipEntry.STORED, lib.getMethod(), "Spring Boot's launcher reads nested jars stored");
            assertEquals(FatJars.crc(bytes), lib.getCrc());
            assertFalse(Arrays.equals(Files.readAllBytes(Samples.jar(Samples.SAMPLE_LIB)), bytes),
                    "the library declares the functions, so it is rewritten");
            try (ZipFile input = new ZipFile(fat.toFile())) {
                assertEquals(input.getEntry(FatJars.BOOT_LIB).getTime(), lib.getTime(), "the entry keeps its time");
            }
            assertNotNull(zip.getEntry(RuntimeClasses.MARKER), "the runtime at the top level");
            assertNotNull(zip.getEntry(CLASSES + "META-INF/patchsite/groups/" + SampleOutput.SPIN_LOCK + ".group"),
                    "group descriptions where the application's class loader finds them");
            String manifest = new String(read(zip, zip.getEntry("META-INF/MANIFEST.MF")), StandardCharsets.UTF_8);
            assertTrue(manifest.contains("Launcher-Agent-Class: dev.patchsite.runtime.Agent"), manifest);
            assertTrue(manifest.contains("Main-Class: org.springframework.boot.loader.launch.JarLauncher"),
                    manifest);
        }
    }

    /** Every entry of the linked jar is in a layer of its {@code layers.idx}, as Spring Boot's layer tools need. */
    @Test
    void layersIndexCoversTheEmbeddedRuntime() throws IOException {
        try (ZipFile zip = new ZipFile(boot.toFile())) {
            String index = new String(read(zip, zip.getEntry("BOOT-INF/layers.idx")), StandardCharsets.UTF_8);
            List<String> prefixes = index.lines().filter(line -> line.startsWith("  - \""))
                    .map(line -> line.substring(5, line.length() - 1)).toList();
            List<String> uncovered = new ArrayList<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                String name = e.nextElement().getName();
                if (prefixes.stream().noneMatch(name::startsWith) && !name.endsWith("/")) {
                    uncovered.add(name);
                }
            }
            assertEquals(List.of(), uncovered, index);
            assertTrue(index.contains("- \"spring-boot-loader\":\n  - \"org/\"\n  - \"dev/patchsite/\"\n"), index);
        }
    }

    @Test
    void untouchedNestedJarIsCopiedRaw() throws IOException {
        byte[] other = FatJars.jar(Map.of("other/Resource.txt", "unrelated".getBytes(StandardCharsets.UTF_8)));
        Map<String, byte[]> libs = new LinkedHashMap<>();
        libs.put(FatJars.BOOT_LIB, Files.readAllBytes(Samples.jar(Samples.SAMPLE_LIB)));
        libs.put("BOOT-INF/lib/other.jar", other);
        Path input = FatJars.boot(dir.resolve("two-libs.jar"), libs, true);
        Path linked = dir.resolve("two-libs-linked.jar");
        CoreRun.link(input, linked, LinkMode.BOOT).assertQuiet();
        try (ZipFile in = new ZipFile(input.toFile()); ZipFile out = new ZipFile(linked.toFile())) {
            ZipEntry before = in.getEntry("BOOT-INF/lib/other.jar");
            ZipEntry after = out.getEntry("BOOT-INF/lib/other.jar");
            assertArrayEquals(other, read(out, after));
            assertEquals(before.getMethod(), after.getMethod());
            assertEquals(before.getTime(), after.getTime());
        }
    }

    @Test
    void linkIsDeterministicAndALinkedFatJarRelinksToTheSameBytes() throws IOException {
        Path again = dir.resolve("again.jar");
        CoreRun.link(fat, again, LinkMode.BOOT).assertQuiet();
        assertArrayEquals(Files.readAllBytes(boot), Files.readAllBytes(again), "same input, same bytes");
        Path relinked = dir.resolve("relinked.jar");
        CoreRun.link(boot, relinked, LinkMode.BOOT).assertOk();
        assertArrayEquals(Files.readAllBytes(boot), Files.readAllBytes(relinked), "a linked jar relinks to itself");
    }

    /** A corrupt class in a nested jar is named by its full nested location, on one line. */
    @Test
    void corruptClassInANestedJarIsNamedWithItsNestedPath() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(FatJars.entries(Samples.jar(Samples.SAMPLE_LIB)));
        entries.put("a/B.class", new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0});
        Path input = FatJars.boot(dir.resolve("corrupt.jar"), Map.of("BOOT-INF/lib/x.jar", FatJars.jar(entries)),
                true);
        String message = CoreRun.link(input, dir.resolve("corrupt-linked.jar"), LinkMode.BOOT)
                .assertFails(InputException.class);
        assertTrue(message.startsWith(input + "!/BOOT-INF/lib/x.jar!/a/B.class: "), message);
        assertFalse(message.contains("\n"), message);
        assertFalse(Files.exists(dir.resolve("corrupt-linked.jar")));
    }

    @Test
    void nestedJarThatIsNotAJarIsRefused() throws IOException {
        Path input = FatJars.boot(dir.resolve("not-a-jar.jar"), Map.of("BOOT-INF/lib/x.jar",
                "not a zip file".getBytes(StandardCharsets.UTF_8)), true);
        String message = CoreRun.link(input, dir.resolve("not-a-jar-linked.jar"), LinkMode.BOOT)
                .assertFails(InputException.class);
        assertTrue(message.startsWith(input + "!/BOOT-INF/lib/x.jar: not a readable jar"), message);
    }

    /** A deflated nested jar cannot be read in place; Spring Boot's launcher cannot load it either. */
    @Test
    void compressedNestedJarIsRefusedWithAClearError() throws IOException {
        Path input = FatJars.boot(dir.resolve("deflated.jar"), Map.of(FatJars.BOOT_LIB,
                Files.readAllBytes(Samples.jar(Samples.SAMPLE_LIB))), false);
        String message = CoreRun.link(input, dir.resolve("deflated-linked.jar"), LinkMode.BOOT)
                .assertFails(InputException.class);
        assertTrue(message.startsWith(input + "!/" + FatJars.BOOT_LIB + ": compressed; a nested jar is read in place,"
                + " which needs it stored"), message);
    }

    /** A signed nested jar whose classes change is refused, unless signatures are stripped. */
    @Test
    void signedNestedJarIsRefusedUnlessSignaturesAreStripped() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(FatJars.entries(Samples.jar(Samples.SAMPLE_LIB)));
        entries.put("META-INF/SIGNER.SF", "Signature-Version: 1.0\r\n\r\n".getBytes(StandardCharsets.UTF_8));
        entries.put("META-INF/SIGNER.RSA", new byte[] {1, 2, 3});
        Path input = FatJars.boot(dir.resolve("signed.jar"), Map.of(FatJars.BOOT_LIB, FatJars.jar(entries)), true);
        Path output = dir.resolve("signed-linked.jar");
        String message = CoreRun.link(input, output, LinkMode.BOOT).assertFails(LinkException.class);
        assertEquals(input + "!/" + FatJars.BOOT_LIB + " is signed (META-INF/SIGNER.SF); linking changes its classes,"
                + " so its signature would no longer verify. Pass --strip-signatures to drop the signatures, and"
                + " sign the linked jar again if it must be signed", message);
        assertFalse(Files.exists(output));

        CoreRun.link(new LinkRequest(List.of(input), List.of(), List.of(output), LinkMode.BOOT, Map.of(), null, 2,
                true, true, PatchsiteLog.SILENT)).assertOk();
        try (ZipFile zip = new ZipFile(output.toFile())) {
            Path nested = dir.resolve("signed-linked-lib.jar");
            Files.write(nested, read(zip, zip.getEntry(FatJars.BOOT_LIB)));
            Set<String> names = FatJars.entries(nested).keySet();
            assertFalse(names.contains("META-INF/SIGNER.SF"), names.toString());
            assertFalse(names.contains("META-INF/SIGNER.RSA"), names.toString());
        }
    }

    private static void assertRuns(SampleOutput.Selection selection, Map<String, ForkedJava.Result> runs) {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Map.Entry<String, ForkedJava.Result> run : runs.entrySet()) {
            expected.put(run.getKey(), "exit 0\n" + withoutMultiRelease(selection.expected()));
            actual.put(run.getKey(), "exit " + run.getValue().exitCode() + "\n"
                    + withoutMultiRelease(run.getValue().out()) + run.getValue().err().lines()
                    .filter(line -> !line.startsWith("patchsite: ")).collect(Collectors.joining("\n")));
        }
        assertEquals(expected, actual, selection.toString());
    }

    private static String withoutMultiRelease(String output) {
        return output.lines().filter(line -> !line.startsWith(MULTI_RELEASE))
                .collect(Collectors.joining("\n", "", "\n"));
    }

    private static Set<Site.Key> keys(PatchSiteTable table) {
        return table.sites().stream().map(Site::key).collect(Collectors.toSet());
    }

    private static byte[] read(ZipFile zip, ZipEntry entry) throws IOException {
        try (InputStream in = zip.getInputStream(entry)) {
            return in.readAllBytes();
        }
    }
}
