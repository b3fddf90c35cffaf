package dev.patchsite.linker.internal.input;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.RecordedLog;
import dev.patchsite.testdata.FatJars;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A jar inside a jar that no launcher reads (One-JAR's layout) is warned of, once per jar; a fat jar's are not. */
class JarsInsideJarsTest {

    @TempDir
    Path dir;

    @Test
    void aPlainJarHoldingJarsGetsOneWarningNamingTheFirst() throws Exception {
        Path jar = dir.resolve("one.jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (String name : List.of("main/main.jar", "lib/a.JAR", "lib/")) {
                zip.putNextEntry(new ZipEntry(name));
                zip.closeEntry();
            }
        }
        RecordedLog log = new RecordedLog();
        try (ClassPath ignored = ClassPath.open(List.of(jar), log)) {
            assertEquals(List.of(jar + "!/main/main.jar (and 1 more): a jar inside a jar that is not a Spring Boot or"
                    + " web archive is on no class path the JVM knows of, so it is copied as it is, neither scanned"
                    + " nor linked; give it as an input of its own"), log.warnings());
        }
    }

    @Test
    void aSpringBootJarsNestedJarsAreReadNotWarnedOf() throws Exception {
        RecordedLog log = new RecordedLog();
        try (ClassPath ignored = ClassPath.open(List.of(FatJars.boot(dir.resolve("fat.jar"))), log)) {
            assertEquals(List.of(), log.warnings());
        }
    }
}
