package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.ScanRequest;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The test data announces its sites in comments next to the calls ({@code // site: SpinLock.slowpath invoke}, see
 * {@code testdata/README.md}); the table of each sample jar holds exactly those sites, at those lines, so that the
 * comments cannot rot and a site the scanner misses or invents shows here as one line of difference.
 *
 * <p>A site is compared as {@code FILE[ release=N]:LINE Owner.name KIND[ (interface)][ (super-call)]}: the file is
 * the caller's outermost class (lambda bodies and nested classes are in their enclosing class's file), the release
 * that of a multi-release jar's copy ({@code sample-app-java11} is {@code META-INF/versions/11/}).
 */
class SiteCommentsTest {

    private static final Pattern COMMENT =
            Pattern.compile("// site: (\\w+\\.\\w+) (invoke|ref)( \\((interface|super-call)\\))?$");

    @Test
    void version1HasTheSitesItsCommentsAnnounce() throws Exception {
        assertSites(20, comments(Map.of("sample-lib", 0, "sample-app", 0, "sample-app-java11", 11)),
                sites(Samples.jar(Samples.SAMPLE), null));
    }

    @Test
    void version2HasTheSitesItsCommentsAnnounce() throws Exception {
        // Version 2's sources are version 1's with sample-app-v2's files laid over them.
        Map<String, Integer> roots = new LinkedHashMap<>();
        roots.put("sample-lib", 0);
        roots.put("sample-app", 0);
        roots.put("sample-app-v2", 0);
        roots.put("sample-app-java11", 11);

        assertSites(20, comments(roots), sites(Samples.jar(Samples.SAMPLE_V2), null));
    }

    @Test
    void theClockSampleHasTheSitesItsCommentsAnnounce() throws Exception {
        assertSites(3, comments(Map.of("sample-clock", 0)),
                sites(Samples.jar(Samples.SAMPLE_CLOCK), Samples.clockDeclarations()));
    }

    /** Asserts the comments and the table agree, and that there are as many sites as testdata/README.md says. */
    private static void assertSites(int count, List<String> announced, List<String> scanned) {
        assertEquals(announced, scanned);
        assertEquals(count, scanned.size(), "the sites testdata/README.md counts");
    }

    /** Returns the sites of a jar's table, sorted, in the form of {@link #comments}. */
    private static List<String> sites(Path jar, Path declarations) throws Exception {
        ScanRequest request = ScanRequest.of(List.of(jar)).withDeclarations(declarations).withThreads(1);
        List<String> sites = new ArrayList<>();
        try (URLClassLoader classes = new URLClassLoader(new URL[] {jar.toUri().toURL()},
                ClassLoader.getPlatformClassLoader())) {
            for (var site : Scanner.scan(request).sites()) {
                String owner = site.caller().owner();
                String file = (owner.contains("$") ? owner.substring(0, owner.indexOf('$')) : owner) + ".java";
                String function = site.functionId().substring(0, site.functionId().indexOf('('));
                String group = function.substring(0, function.lastIndexOf('.'));
                String simple = function.substring(group.lastIndexOf('.') + 1);
                boolean isInterface = Class.forName(group, false, classes).isInterface();
                sites.add(key(file, site.release(), site.line(), simple, site.kind().label(),
                        isInterface ? "interface" : site.superCall() ? "super-call" : null));
            }
        }
        return sites.stream().sorted().toList();
    }

    /**
     * Returns the sites the comments of some source roots announce, sorted. A file of a later root replaces the
     * file of the same path and release of an earlier one.
     *
     * @param roots the directories under {@code testdata/src/} holding a {@code java} tree, in overlay order, each
     *     with the release its classes have in the jar (0 for the base)
     */
    private static List<String> comments(Map<String, Integer> roots) throws IOException {
        Path src = Samples.dir().toAbsolutePath().getParent().resolve("src");
        Map<String, List<String>> byFile = new LinkedHashMap<>();
        for (Map.Entry<String, Integer> root : roots.entrySet()) {
            Path java = src.resolve(root.getKey()).resolve("java");
            List<Path> files;
            try (Stream<Path> walk = Files.walk(java)) {
                files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
            }
            for (Path source : files) {
                String file = java.relativize(source).toString().replace('\\', '/');
                List<String> announced = new ArrayList<>();
                List<String> lines = Files.readAllLines(source);
                for (int i = 0; i < lines.size(); i++) {
                    int at = lines.get(i).indexOf("// site:");
                    if (at >= 0) {
                        Matcher m = COMMENT.matcher(lines.get(i).substring(at));
                        assertTrue(m.matches(), source + ":" + (i + 1) + ": " + lines.get(i));
                        announced.add(key(file, root.getValue(), i + 1, m.group(1), m.group(2), m.group(4)));
                    }
                }
                byFile.put(file + " " + root.getValue(), announced);
            }
        }
        return byFile.values().stream().flatMap(List::stream).sorted().toList();
    }

    private static String key(String file, int release, int line, String function, String kind, String mark) {
        return file + (release == 0 ? "" : " release=" + release) + ":" + line + " " + function + " " + kind
                + (mark == null ? "" : " (" + mark + ")");
    }
}
