package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.table.LinkMode;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample application's classes, as a build compiles them into a directory, linked for its tests: the linked jar
 * is the link of the packed classes (the differential tests run such links), the directory is left as it is, and an
 * unchanged build skips.
 */
class ClassesLinkerTest {

    private static final Path TESTDATA = Path.of(System.getProperty("patchsite.testdata"));

    @TempDir
    Path dir;

    @Test
    void linksTheClassesToAJarAndSkipsWhenNothingChanged() throws Exception {
        Path classes = unpack(TESTDATA.resolve("sample-app.jar"), dir.resolve("classes"));
        List<Path> before = files(classes);
        Path packed = dir.resolve("target/patchsite/classes.jar");
        Path linked = packed.resolveSibling("linked-classes.jar");

        assertEquals(ArtifactLinkResult.Status.LINKED, ClassesLinker.link(classes, request(packed, linked)).status());
        assertEquals(ArtifactLinkResult.Status.UP_TO_DATE,
                ClassesLinker.link(classes, request(packed, linked)).status());

        Path expected = dir.resolve("expected.jar");
        Linker.link(request(packed, expected).link());
        assertArrayEquals(Files.readAllBytes(expected), Files.readAllBytes(linked));
        assertEquals(before, files(classes));
    }

    @Test
    void refusesToLinkInPlace() {
        Path packed = dir.resolve("classes.jar");
        assertThrows(IllegalArgumentException.class, () -> ClassesLinker.link(dir, request(packed, packed)));
    }

    private ArtifactLinkRequest request(Path packed, Path linked) {
        LinkRequest link = new LinkRequest(List.of(packed), List.of(TESTDATA.resolve("sample-lib.jar")),
                List.of(linked), LinkMode.BOOT, Map.of(), null, 1, false, false, PatchsiteLog.SILENT);
        return new ArtifactLinkRequest(link, dir.resolve("target/patchsite/link-classes.fingerprint"), "test", dir,
                "rebuild");
    }

    private static Path unpack(Path jar, Path directory) throws Exception {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (ZipEntry entry : Collections.list(zip.entries())) {
                Path file = directory.resolve(entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                } else {
                    Files.createDirectories(file.getParent());
                    try (InputStream in = zip.getInputStream(entry)) {
                        Files.copy(in, file);
                    }
                }
            }
        }
        return directory;
    }

    private static List<Path> files(Path directory) throws Exception {
        try (var walk = Files.walk(directory)) {
            return walk.sorted().toList();
        }
    }
}
