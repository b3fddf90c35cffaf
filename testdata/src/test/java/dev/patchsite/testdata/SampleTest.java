package dev.patchsite.testdata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The sample program, run in-process from its class directories (SampleJarsTest runs the jars). The loader's parent
 * is the platform loader, so the runtime annotations are not visible: the program needs nothing of patchsite to run.
 */
class SampleTest {

    /** The output of the unlinked sample, with the multi-release clock lines for a given Clock release. */
    static List<String> expectedOutput(String clockRelease) {
        return Arrays.asList(
                "patchsite sample",
                "direct slowpath -> default",
                "direct unlock -> default",
                "method-ref slowpath -> default",
                "method-ref unlock -> default",
                "method-ref contendedRelease -> default",
                "lambda slowpath -> default",
                "lambda unlock -> default",
                "interface unlock -> default",
                "interface contendedRelease -> default",
                "paravirt unlock super-call -> default",
                "contended slowpath -> default",
                "contended unlock -> default",
                "tracepoint contendedRelease -> default",
                "trace events = 0",
                "multi-release clock (release " + clockRelease + ") slowpath -> "
                        + (clockRelease.equals("11") ? "default" : "none"),
                "multi-release clock (release " + clockRelease + ") unlock -> default",
                "counter = 80000",
                "seen: contendedRelease=default slowpath=default unlock=default");
    }

    static Path sampleClasses(String name) {
        Path dir = Paths.get(System.getProperty(Samples.DIR_PROPERTY, "target")).resolve(name);
        assertTrue(Files.isDirectory(dir), dir + " is built by the compile phase");
        return dir;
    }

    @Test
    void unlinkedVersion1RunsEveryDefault() throws Exception {
        List<String> out = runMain("sample-lib-classes", "sample-app-classes");

        assertEquals(expectedOutput("8"), out);
        for (String line : out) {
            if (line.contains(" -> ")) {
                String ran = line.substring(line.indexOf(" -> ") + 4);
                assertTrue(ran.equals("default") || ran.equals("none"), line);
            }
        }
    }

    @Test
    void version2PrintsTheSame() throws Exception {
        assertEquals(expectedOutput("8"), runMain("sample-lib-classes", "sample-app-v2-classes"));
    }

    /** Every site comment is in the documented form, and each source line holds at most one site. */
    @Test
    void siteCommentsAreWellFormed() throws IOException {
        Pattern site = Pattern.compile("// site: (\\w+)\\.(\\w+) (invoke|ref)( \\((interface|super-call)\\))?$");
        List<String> comments = new ArrayList<>();
        for (String root : Arrays.asList("sample-lib", "sample-app", "sample-app-v2", "sample-app-java11",
                "sample-clock")) {
            List<Path> sources;
            try (Stream<Path> files = Files.walk(Paths.get("src", root, "java"))) {
                sources = files.filter(p -> p.toString().endsWith(".java")).sorted().collect(Collectors.toList());
            }
            for (Path source : sources) {
                for (String line : Files.readAllLines(source)) {
                    int at = line.indexOf("// site:");
                    if (at >= 0) {
                        Matcher m = site.matcher(line.substring(at));
                        assertTrue(m.matches(), source + ": " + line);
                        String call = m.group(1) + "::" + m.group(2);
                        String invoke = m.group(1) + "." + m.group(2) + "(";
                        assertTrue(line.contains(m.group(3).equals("ref") ? call : invoke), source + ": " + line);
                        comments.add(root + " " + m.group(1) + "." + m.group(2));
                    }
                }
            }
        }
        assertFalse(comments.isEmpty());
    }

    static List<String> runMain(String... classes) throws Exception {
        URL[] path = new URL[classes.length];
        for (int i = 0; i < classes.length; i++) {
            path[i] = sampleClasses(classes[i]).toUri().toURL();
        }
        PrintStream stdout = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try (URLClassLoader loader = new URLClassLoader(path, ClassLoader.getPlatformClassLoader());
                PrintStream capture = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(capture);
            loader.loadClass(Samples.MAIN_CLASS).getMethod("main", String[].class).invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        return Arrays.asList(captured.toString(StandardCharsets.UTF_8).split("\\R"));
    }
}
