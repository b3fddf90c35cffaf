package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.FatJars;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Spring Boot and web archives through the command line: a war ({@code WEB-INF/classes/}, {@code WEB-INF/lib/}) is
 * scanned with its nested library, linked, verified, and run by Spring Boot's war launcher; a fat jar whose nested
 * jar holds a corrupt class gets a one-line error naming {@code fat.jar!/BOOT-INF/lib/x.jar!/a/B.class}, exit 3,
 * and no output; {@code explain} of a fat jar selects what the linked fat jar selects as it runs.
 */
class NestedArchiveTest {

    private static final String SPIN_LOCK = "dev.patchsite.sample.lock.SpinLock";

    @TempDir
    static Path dir;

    @Test
    void warIsScannedLinkedVerifiedAndRuns() throws Exception {
        Path war = FatJars.war(dir.resolve("app.war"));
        byte[] before = Files.readAllBytes(war);
        List<String> sites = Cli.run("scan", war).assertClean(ExitCode.OK.code()).out().lines()
                .filter(line -> line.startsWith("site ")).toList();
        assertEquals(3, sites.stream().filter(line -> line.contains(" in=" + FatJars.WAR_LIB + " ")).count(),
                String.join("\n", sites));
        assertEquals(sites.size() - 3, sites.stream().filter(line -> line.contains(" in=WEB-INF/classes/ "))
                .count(), String.join("\n", sites));

        Path linked = dir.resolve("app-linked.war");
        Cli.run("link", war, "-o", linked).assertExit(ExitCode.OK.code());
        assertArrayEquals(before, Files.readAllBytes(war), "the input is never changed");
        Cli.Result verify = Cli.run("verify", linked).assertClean(ExitCode.OK.code());
        assertTrue(verify.out().startsWith("verified " + linked + " (boot mode): 3 functions, " + sites.size()
                + " sites"), verify.out());
        try (ZipFile zip = new ZipFile(linked.toFile())) {
            assertEquals(ZipEntry.STORED, zip.getEntry(FatJars.WAR_LIB).getMethod());
        }

        // Forced to the defaults, the linked war prints what the unlinked one prints; forced to a variant, it differs
        // where the sample's calls reach the variant.
        String unlinked = java("-jar", war);
        assertEquals(unlinked, java("-Dpatchsite.select." + SPIN_LOCK + "=default", "-jar", linked));
        String paravirt = java("-Dpatchsite.select." + SPIN_LOCK + "=paravirt", "-jar", linked);
        assertTrue(paravirt.contains("direct slowpath -> paravirt\n"), paravirt);
    }

    @Test
    void corruptClassInANestedJarIsOneLineNamingItsNestedPathExit3() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(FatJars.entries(Samples.jar(Samples.SAMPLE_LIB)));
        entries.put("a/B.class", new byte[] {(byte) 0xca, (byte) 0xfe, (byte) 0xba, (byte) 0xbe, 0, 0});
        Path fat = FatJars.boot(dir.resolve("fat.jar"), Map.of("BOOT-INF/lib/x.jar", FatJars.jar(entries)), true);
        Path linked = dir.resolve("fat-linked.jar");
        Cli.Result scan = Cli.run("scan", fat).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        Cli.Result link = Cli.run("link", fat, "-o", linked).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(1, link.errLines().size(), link.err());
        assertEquals(scan.errLines(), link.errLines());
        assertTrue(link.err().startsWith("error: " + fat + "!/BOOT-INF/lib/x.jar!/a/B.class: "), link.err());
        assertFalse(Files.exists(linked));
    }

    /**
     * Explained on a fat jar, linked or not, the probes run with the nested library on their class path, as Spring
     * Boot's launcher puts it there: each group's selection is the one the linked fat jar makes as it runs (on a
     * virtual machine, paravirt, which a probe not found would have left at default).
     */
    @Test
    void explainOfAFatJarSelectsWhatTheLinkedFatJarSelects() throws Exception {
        Path fat = FatJars.boot(dir.resolve("explained.jar"));
        Path linked = dir.resolve("explained-linked.jar");
        Cli.run("link", fat, "-o", linked).assertExit(ExitCode.OK.code());
        Map<String, String> ran = new TreeMap<>();
        Matcher bound = Pattern.compile("(?m)^patchsite: (\\S+) -> (\\S+) \\(").matcher(
                output(true, "-Dpatchsite.verbose=true", "-jar", linked));
        while (bound.find()) {
            ran.put(bound.group(1), bound.group(2));
        }
        assertEquals(Set.of(SPIN_LOCK, "dev.patchsite.sample.trace.LockEvents"), ran.keySet(), ran.toString());
        for (Path jar : List.of(fat, linked)) {
            Cli.Result explain = Cli.run("explain", jar).assertClean(ExitCode.OK.code());
            assertFalse(explain.out().contains("ClassNotFoundException"), explain.out());
            assertEquals(ran, selections(explain.out()), jar + ":\n" + explain.out());
        }
    }

    /** Returns the selection explain prints for each group, by group. */
    private static Map<String, String> selections(String explained) {
        Map<String, String> selections = new TreeMap<>();
        Matcher selected = Pattern.compile("(?m)^group (\\S+)\n(?:  .*\n)*?  selected: (\\S+) ").matcher(explained);
        while (selected.find()) {
            selections.put(selected.group(1), selected.group(2));
        }
        return selections;
    }

    /** Runs a JVM of the tests' JDK and returns its standard output, after checking it exited cleanly. */
    private static String java(Object... args) throws IOException, InterruptedException {
        return output(false, args);
    }

    /** Runs a JVM of the tests' JDK and returns its output, with its standard error if asked, if it exited cleanly. */
    private static String output(boolean withErrors, Object... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xverify:all");
        for (Object arg : args) {
            command.add(String.valueOf(arg));
        }
        ProcessBuilder builder = new ProcessBuilder(command);
        Process process = (withErrors ? builder.redirectErrorStream(true)
                : builder.redirectError(ProcessBuilder.Redirect.DISCARD)).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
        assertEquals(0, process.exitValue(), command + "\n" + out);
        return out;
    }
}
