package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A group's description is the union of every description its loader sees: a library linked in its own build names
 * the variants it holds, an application linked against it names those and its own, and the runtime takes them all,
 * whichever jar comes first on the class path.
 */
class GroupInfoMergeTest {

    private static final String LIBRARY = GroupInfo.HEADER + "\n"
            + "function slowpath (I)V\n"
            + "variant numa example.Numa 10 example.NumaProbe slowpath(I)V\n";
    /** As an older linker wrote it for a group it did not rewrite: the {@code external} flag is ignored. */
    private static final String APPLICATION = GroupInfo.HEADER + "\n"
            + "function slowpath (I)V external\n"
            + "function unlock ()V\n"
            + "variant numa example.Numa 10 example.NumaProbe slowpath(I)V\n"
            + "variant fast example.Fast 5 - slowpath(I)V,unlock()V\n";

    @TempDir
    Path tmp;

    @Test
    void takesTheUnionOfEveryDescriptionInClassPathOrder() throws IOException {
        Path library = jar("library.jar", "example.Lock", LIBRARY);
        Path application = jar("application.jar", "example.Lock", APPLICATION);
        Path directory = Files.createDirectories(tmp.resolve("classes/META-INF/patchsite/groups"));
        Files.writeString(directory.resolve("example.Lock.group"), GroupInfo.HEADER + "\n"
                + "variant debug example.Debug 0 - -\n");

        List<String> conflicts = new ArrayList<>();
        try (URLClassLoader loader = loader(library, application, tmp.resolve("classes"))) {
            GroupInfo info = GroupInfo.loadAll("example.Lock", loader, conflicts);

            assertEquals(GroupInfo.HEADER + "\n"
                    + "function slowpath (I)V\n"
                    + "function unlock ()V\n"
                    + "variant numa example.Numa 10 example.NumaProbe slowpath(I)V\n"
                    + "variant fast example.Fast 5 - slowpath(I)V,unlock()V\n"
                    + "variant debug example.Debug 0 - -\n", info.format());
        }
        assertEquals(List.of(), conflicts);
    }

    @Test
    void keepsTheFirstOfTwoVariantsOfOneNameAndSaysSo() throws IOException {
        Path library = jar("library.jar", "example.Lock", LIBRARY);
        Path other = jar("other.jar", "example.Lock", LIBRARY.replace("example.Numa ", "other.Numa "));

        List<String> conflicts = new ArrayList<>();
        try (URLClassLoader loader = loader(library, other)) {
            GroupInfo info = GroupInfo.loadAll("example.Lock", loader, conflicts);

            assertEquals("example.Numa", info.variant("numa").className());
        }
        assertEquals(1, conflicts.size(), conflicts.toString());
        assertTrue(conflicts.get(0).startsWith("variant numa of example.Lock is example.Numa here but other.Numa in"
                + " jar:file:"), conflicts.get(0));
    }

    @Test
    void knowsNoGroupItsLoaderHasNoDescriptionOf() throws IOException {
        try (URLClassLoader loader = loader(jar("library.jar", "example.Other", LIBRARY))) {
            assertNull(GroupInfo.loadAll("example.Lock", loader, new ArrayList<>()));
        }
    }

    @Test
    void refusesAMalformedDescription() throws IOException {
        try (URLClassLoader loader = loader(jar("bad.jar", "example.Lock", "patchsite-group 9\n"))) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> GroupInfo.loadAll("example.Lock", loader, new ArrayList<>()));
            assertTrue(e.getMessage().contains("does not start with \"patchsite-group 1\""), e.getMessage());
        }
    }

    private Path jar(String name, String group, String text) throws IOException {
        Path jar = tmp.resolve(name);
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(GroupInfo.resourceName(group)));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static URLClassLoader loader(Path... path) throws IOException {
        URL[] urls = new URL[path.length];
        for (int i = 0; i < path.length; i++) {
            urls[i] = path[i].toUri().toURL();
        }
        return new URLClassLoader(urls, null);
    }
}
