package dev.patchsite.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.ProtectionDomain;
import java.security.cert.Certificate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent reads a group's description from the jar of the class it patches, and leaves every other case (no code
 * source, a directory, a jar without the description, an unreadable file) to the class loader's resource lookup.
 */
class GroupInfoJarTest {

    private static final String TEXT = GroupInfo.HEADER + "\n"
            + "function slowpath (I)V\n"
            + "variant numa example.Numa 10 - slowpath\n";

    @TempDir
    Path tmp;

    @Test
    void readsTheDescriptionFromTheClassesJar() throws IOException {
        Path jar = jar("example.Lock", TEXT);

        GroupInfo info = GroupInfo.loadFromJar("example.Lock", domain(jar.toUri().toURL()));

        assertEquals(TEXT, info.format());
        assertEquals("example.Lock", info.name());
    }

    @Test
    void leavesEverythingElseToTheClassLoader() throws IOException {
        Path jar = jar("example.Other", TEXT);
        Path notAZip = Files.writeString(tmp.resolve("broken.jar"), "not a zip");

        assertNull(GroupInfo.loadFromJar("example.Lock", domain(jar.toUri().toURL())), "no such entry");
        assertNull(GroupInfo.loadFromJar("example.Lock", domain(notAZip.toUri().toURL())), "not a zip file");
        assertNull(GroupInfo.loadFromJar("example.Lock", domain(tmp.toUri().toURL())), "a directory");
        assertNull(GroupInfo.loadFromJar("example.Lock", domain(new URL("http://example.com/a.jar"))), "remote");
        assertNull(GroupInfo.loadFromJar("example.Lock", new ProtectionDomain(null, null)), "no code source");
        assertNull(GroupInfo.loadFromJar("example.Lock", null), "no domain");
    }

    private Path jar(String group, String text) throws IOException {
        Path jar = tmp.resolve(group + ".jar");
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry(GroupInfo.resourceName(group)));
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        return jar;
    }

    private static ProtectionDomain domain(URL location) {
        return new ProtectionDomain(new CodeSource(location, (Certificate[]) null), null);
    }
}
