package dev.patchsite.testdata;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.jar.Attributes;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.Test;

/** The sample jars as the linker's tests see them, run with {@code java} (the jars are written in process-classes). */
class SampleJarsTest {

    private static final String SELECT_NUMA = "-Dpatchsite.select.dev.patchsite.sample.lock.SpinLock=numa";

    @Test
    void sampleJarRunsUnlinkedWithTheJava11Clock() throws Exception {
        assertEquals(SampleTest.expectedOutput("11"), java("-jar", jar(Samples.SAMPLE)));
    }

    @Test
    void aSelectionDoesNotChangeTheUnlinkedProgram() throws Exception {
        assertEquals(SampleTest.expectedOutput("11"),
                java(SELECT_NUMA, "-cp", jar(Samples.SAMPLE), Samples.MAIN_CLASS));
    }

    @Test
    void libraryPlusAppIsTheSample() throws Exception {
        String classpath = jar(Samples.SAMPLE_LIB) + File.pathSeparator + jar(Samples.SAMPLE_APP);
        assertEquals(SampleTest.expectedOutput("11"), java("-cp", classpath, Samples.MAIN_CLASS));

        Map<String, byte[]> lib = files(Samples.SAMPLE_LIB);
        Map<String, byte[]> app = files(Samples.SAMPLE_APP);
        Map<String, byte[]> union = new TreeMap<>(lib);
        union.putAll(app);
        assertEquals(lib.size() + app.size(), union.size(), "no class in both");
        Map<String, byte[]> sample = files(Samples.SAMPLE);
        assertEquals(sample.keySet(), union.keySet());
        for (Map.Entry<String, byte[]> e : sample.entrySet()) {
            assertArrayEquals(e.getValue(), union.get(e.getKey()), e.getKey());
        }
        assertTrue(lib.keySet().stream().allMatch(n -> n.startsWith("dev/patchsite/sample/lock/")
                || n.startsWith("dev/patchsite/sample/trace/")), lib.keySet().toString());
        assertTrue(app.keySet().stream().allMatch(n -> n.startsWith("dev/patchsite/sample/app/")
                || n.startsWith("META-INF/versions/11/dev/patchsite/sample/app/")), app.keySet().toString());
    }

    @Test
    void version2RunsTheSameAndDiffersOnlyInWorker() throws Exception {
        assertEquals(SampleTest.expectedOutput("11"), java("-jar", jar(Samples.SAMPLE_V2)));

        Map<String, byte[]> v1 = files(Samples.SAMPLE);
        Map<String, byte[]> v2 = files(Samples.SAMPLE_V2);
        assertEquals(v1.keySet(), v2.keySet());
        List<String> changed = new ArrayList<>();
        for (String name : v1.keySet()) {
            if (!Arrays.equals(v1.get(name), v2.get(name))) {
                changed.add(name);
            }
        }
        assertEquals(Arrays.asList("dev/patchsite/sample/app/Worker.class"), changed);
    }

    @Test
    void manifestsAndClassVersions() throws IOException {
        for (String name : Arrays.asList(Samples.SAMPLE, Samples.SAMPLE_V2, Samples.SAMPLE_APP)) {
            try (JarFile jar = new JarFile(jar(name))) {
                Attributes main = jar.getManifest().getMainAttributes();
                assertEquals(Samples.MAIN_CLASS, main.getValue(Attributes.Name.MAIN_CLASS), name);
                assertEquals("true", main.getValue(Attributes.Name.MULTI_RELEASE), name);
            }
        }
        try (JarFile jar = new JarFile(jar(Samples.SAMPLE_CLOCK))) {
            assertEquals(Samples.STOPWATCH_CLASS,
                    jar.getManifest().getMainAttributes().getValue(Attributes.Name.MAIN_CLASS));
        }
        for (Map.Entry<String, byte[]> e : files(Samples.SAMPLE).entrySet()) {
            int major = ByteBuffer.wrap(e.getValue(), 6, 2).getShort();
            assertEquals(e.getKey().startsWith("META-INF/versions/11/") ? 55 : 52, major, e.getKey());
        }
    }

    @Test
    void clockSample() throws Exception {
        assertEquals(Arrays.asList("dev/patchsite/sample/clock/CoarseClock.class",
                "dev/patchsite/sample/clock/Stopwatch.class"), new ArrayList<>(files(Samples.SAMPLE_CLOCK).keySet()));
        assertEquals(Arrays.asList("stopwatch clock: system"), java("-jar", jar(Samples.SAMPLE_CLOCK)));
        assertEquals(Arrays.asList(
                "# Declares java.lang.System.nanoTime as a runtime-static function; the variants live in "
                        + "sample-clock.jar.",
                "patchsite-declarations 1",
                "function java.lang.System.nanoTime()J"), Files.readAllLines(Samples.clockDeclarations()));
    }

    /**
     * Nothing on the classpath of a module that depends on testdata declares a function: the module's classes (its
     * jar, written later in package) hold no sample.
     */
    @Test
    void theModuleHoldsNoSample() throws IOException {
        Path classes = Samples.dir().resolve("classes");
        assertTrue(Files.isRegularFile(classes.resolve("dev/patchsite/testdata/BadInputs.class")));
        assertFalse(Files.exists(classes.resolve("dev/patchsite/sample")));
    }

    private static String jar(String name) {
        return Samples.jar(name).toString();
    }

    /** The files (not directories, not the manifest) of a sample jar, by name. */
    private static Map<String, byte[]> files(String name) throws IOException {
        Map<String, byte[]> files = new TreeMap<>();
        try (JarFile jar = new JarFile(jar(name))) {
            for (ZipEntry e : java.util.Collections.list(jar.entries())) {
                if (!e.isDirectory() && !e.getName().equals("META-INF/MANIFEST.MF")) {
                    try (InputStream in = jar.getInputStream(e)) {
                        files.put(e.getName(), in.readAllBytes());
                    }
                }
            }
        }
        return files;
    }

    /** Runs {@code java} with the current JDK and returns its stdout lines; fails on a non-zero exit or stderr. */
    private static List<String> java(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Paths.get(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(Arrays.asList(args));
        Path err = Files.createTempFile("sample", ".err");
        try {
            Process p = new ProcessBuilder(command).redirectError(err.toFile()).start();
            byte[] out = p.getInputStream().readAllBytes();
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + command);
            assertEquals("", Files.readString(err), "stderr of " + command);
            assertEquals(0, p.exitValue(), "exit code of " + command);
            return Arrays.asList(new String(out, StandardCharsets.UTF_8).split("\\R"));
        } finally {
            Files.delete(err);
        }
    }
}
