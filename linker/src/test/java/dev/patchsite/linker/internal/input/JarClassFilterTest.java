package dev.patchsite.linker.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.internal.zip.ZipArchive;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JarClassFilterTest {

    /** Names of each kind ClassPaths.release tells apart, at the top level and under a class root. */
    private static final List<String> PATHS = List.of("a/B.class", "B.class", "module-info.class", ".class",
            "a/.class", "a/B.CLASS", "a/B.class/", "a/B.txt", "a/B.classx", "é/Ü.class", "META-INF/x/A.class",
            "META-INF/versions/11/a/B.class", "META-INF/versions/8/a/B.class", "META-INF/versions/x/a/B.class",
            "META-INF/versions/11", "META-INF/A.class", "BOOT-INF/lib/A.class", "WEB-INF/A.class",
            "BOOT-INF-x/A.class", "META-INFx/A.class");

    @TempDir
    Path dir;

    @Test
    void tellsEveryEntryAsClassPathsDoesOnItsPathUnderTheRoot() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String root : List.of("", "BOOT-INF/classes/", "WEB-INF/classes/")) {
                for (String path : PATHS) {
                    zip.putNextEntry(new ZipEntry(root + path));
                    zip.closeEntry();
                }
            }
        }
        int classes = 0;
        try (ZipArchive zip = ZipArchive.open(jar)) {
            for (String root : List.of("", "BOOT-INF/classes/", "WEB-INF/classes/")) {
                JarClassFilter filter = new JarClassFilter(root);
                for (int i = 0; i < zip.size(); i++) {
                    String name = zip.name(i);
                    int expected = name.startsWith(root) ? ClassPaths.release(name.substring(root.length())) : -1;
                    assertEquals(expected, filter.release(zip, i), root + ": " + name);
                    classes += expected >= 0 ? 1 : 0;
                }
            }
        }
        assertTrue(classes >= 3 * 5, "classes of each release were told: " + classes);
    }
}
