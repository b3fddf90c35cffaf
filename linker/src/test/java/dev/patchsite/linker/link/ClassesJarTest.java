package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassesJarTest {

    @TempDir
    Path dir;

    @Test
    void packsEveryFileAndDirectoryInNameOrderWithTheSameBytesEveryTime() throws Exception {
        Path classes = Files.createDirectories(dir.resolve("classes/b/c"));
        Files.write(classes.resolve("D.class"), new byte[] {1, 2});
        Files.write(dir.resolve("classes/A.class"), new byte[] {3});
        Path first = dir.resolve("first.jar");
        Path second = dir.resolve("out/second.jar");

        ClassesJar.pack(dir.resolve("classes"), first);
        Files.setLastModifiedTime(classes.resolve("D.class"), FileTime.fromMillis(0));
        ClassesJar.pack(dir.resolve("classes"), second);

        assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), "the time of a file changes nothing");
        try (ZipFile zip = new ZipFile(first.toFile())) {
            List<String> names = Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
            assertEquals(List.of("A.class", "b/", "b/c/", "b/c/D.class"), names);
            assertArrayEquals(new byte[] {1, 2}, zip.getInputStream(zip.getEntry("b/c/D.class")).readAllBytes());
        }
    }
}
