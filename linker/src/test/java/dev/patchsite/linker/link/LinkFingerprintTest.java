package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LinkFingerprintTest {

    @TempDir
    Path dir;

    Path jar;
    Path dependency;
    Path classes;
    Path stored;

    @BeforeEach
    void files() throws IOException {
        jar = Files.write(dir.resolve("app.jar"), new byte[] {1, 2, 3});
        dependency = Files.write(dir.resolve("lib.jar"), new byte[] {4, 5});
        classes = Files.createDirectories(dir.resolve("module/classes/a"));
        Files.write(classes.resolve("B.class"), new byte[] {6});
        stored = dir.resolve("target/patchsite/link.fingerprint");
    }

    private LinkFingerprint of(String mode) throws IOException {
        return new LinkFingerprint().add("mode", mode).addClasspath(List.of(dependency, classes.getParent()))
                .addContent("input", jar).addContent("output", jar);
    }

    @Test
    void matchesWhatItStored() throws Exception {
        of("boot").store(stored);
        assertTrue(of("boot").matches(stored));
    }

    @Test
    void nothingStoredMatchesNothing() throws Exception {
        assertFalse(of("boot").matches(stored));
    }

    @Test
    void anotherConfigurationDoesNotMatch() throws Exception {
        of("boot").store(stored);
        assertFalse(of("indy").matches(stored));
    }

    @Test
    void aRebuiltJarDoesNotMatch() throws Exception {
        of("boot").store(stored);
        Files.write(jar, new byte[] {1, 2, 4});
        assertFalse(of("boot").matches(stored));
    }

    @Test
    void aTouchedButUnchangedDependencyMatches() throws Exception {
        of("boot").store(stored);
        Files.setLastModifiedTime(dependency, FileTime.fromMillis(Files.getLastModifiedTime(dependency).toMillis()
                + 2000));
        assertTrue(of("boot").matches(stored));
    }

    /** A library module rebuilt in the same second to the same size is another library: its content is compared. */
    @Test
    void aDependencyChangedInTheSameSizeAndTimeDoesNotMatch() throws Exception {
        of("boot").store(stored);
        FileTime time = Files.getLastModifiedTime(dependency);
        Files.write(dependency, new byte[] {4, 6});
        Files.setLastModifiedTime(dependency, time);
        assertFalse(of("boot").matches(stored));
    }

    @Test
    void aStoredValueIsReadBack() throws Exception {
        of("boot").store(stored);
        assertEquals(LinkFingerprint.content(jar), LinkFingerprint.stored(stored, "output"));
        assertNull(LinkFingerprint.stored(stored, "selections"));
        assertNull(LinkFingerprint.stored(dir.resolve("missing"), "output"));
    }

    @Test
    void aCorruptStoredFingerprintMatchesNothing() throws Exception {
        Files.createDirectories(stored.getParent());
        Files.write(stored, new byte[] {(byte) 0xff, (byte) 0xfe, 10});
        assertFalse(of("boot").matches(stored));
        assertNull(LinkFingerprint.stored(stored, "output"));
    }

    @Test
    void aChangedFileInADirectoryEntryDoesNotMatch() throws Exception {
        of("boot").store(stored);
        Files.write(classes.resolve("C.class"), new byte[] {7});
        assertFalse(of("boot").matches(stored));
    }

    @Test
    void aMissingOutputIsRecordedAsNone() throws Exception {
        LinkFingerprint fingerprint = new LinkFingerprint().addContent("output", dir.resolve("missing.jar"));
        assertTrue(fingerprint.toString().endsWith("missing.jar none\n"), fingerprint.toString());
    }
}
