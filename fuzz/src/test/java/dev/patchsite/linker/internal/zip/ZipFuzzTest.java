package dev.patchsite.linker.internal.zip;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.patchsite.fuzz.Refusals;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Fuzzes the zip reader and the raw-copying writer against the JDK's {@link ZipFile}: whatever the JDK reads, ours
 * reads the same entries and bytes, or refuses with an {@link IOException} that says why; and what ours copies raw
 * reads back, with both readers, as the same entries and bytes. Any other exception is a finding.
 */
class ZipFuzzTest {

    /** Entries inflating to more are not compared: the point is the format, not a slow zip bomb. */
    private static final int MAX_COMPARED = 1 << 20;

    @FuzzTest
    void readAndCopy(byte[] data) throws IOException {
        Path dir = Files.createTempDirectory("zipfuzz");
        Path input = dir.resolve("in.jar");
        Path output = dir.resolve("out.jar");
        try {
            Files.write(input, data);
            Map<String, byte[]> jdk = jdkRead(input);
            Map<String, byte[]> ours;
            try (ZipArchive archive = ZipArchive.open(input)) {
                ours = read(archive);
                if (ours != null && jdk != null) {
                    assertEquals(jdk.keySet(), ours.keySet(), "entry names, ours vs the JDK's");
                    for (Map.Entry<String, byte[]> entry : ours.entrySet()) {
                        byte[] theirs = jdk.get(entry.getKey());
                        if (entry.getValue() != null && theirs != null) {
                            assertArrayEquals(theirs, entry.getValue(), "bytes of " + entry.getKey());
                        }
                    }
                }
                if (ours != null) {
                    copyAll(archive, output);
                }
            } catch (IOException | CorruptArchiveException e) {
                Refusals.check(e);
                return;
            }
            if (ours != null && Files.exists(output)) {
                checkCopy(ours, output, jdk != null);
            }
        } finally {
            Files.deleteIfExists(input);
            Files.deleteIfExists(output);
            Files.deleteIfExists(dir);
        }
    }

    /**
     * Reads every entry with our reader: names in order and contents, a null content for an entry it refuses to
     * read (with a message), or null if it refuses an entry name twice (which the JDK's map cannot compare).
     */
    private static Map<String, byte[]> read(ZipArchive archive) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (int i = 0; i < archive.size(); i++) {
            byte[] bytes = null;
            if (archive.size(i) <= MAX_COMPARED) {
                try {
                    bytes = archive.read(i);
                } catch (IOException e) {
                    Refusals.check(e);
                }
            }
            if (entries.put(archive.name(i), bytes) != null || entries.size() != i + 1) {
                return null;
            }
        }
        return entries;
    }

    /** The JDK's reading: every entry's contents, a null one for an entry it cannot read, or null for no zip. */
    private static Map<String, byte[]> jdkRead(Path file) {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            Map<String, byte[]> entries = new LinkedHashMap<>();
            List<? extends ZipEntry> all = Collections.list((Enumeration<? extends ZipEntry>) zip.entries());
            for (ZipEntry entry : all) {
                byte[] bytes = null;
                if (entry.getSize() >= 0 && entry.getSize() <= MAX_COMPARED) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        bytes = in.readNBytes(MAX_COMPARED + 1);
                    } catch (IOException | RuntimeException e) {
                        bytes = null;
                    }
                }
                if (entries.put(entry.getName(), bytes) != null) {
                    return null;
                }
            }
            return entries;
        } catch (IOException | RuntimeException e) {
            // The JDK refuses it (or fails on it): our reader may do as it likes, short of an internal error.
            return null;
        }
    }

    private static void copyAll(ZipArchive archive, Path output) throws IOException {
        try (ZipWriter writer = new ZipWriter(output)) {
            for (int i = 0; i < archive.size(); i++) {
                writer.copy(archive, i);
            }
            writer.finish();
        } catch (IOException e) {
            Files.deleteIfExists(output);
            throw e;
        }
    }

    /**
     * The copy reads, with our reader and the JDK's, as the entries our reader read from the input; an input the JDK
     * opens gives a copy it opens (a jar that starts still starts once linked).
     */
    private static void checkCopy(Map<String, byte[]> expected, Path output, boolean jdkReadInput)
            throws IOException {
        try (ZipArchive copy = ZipArchive.open(output)) {
            Map<String, byte[]> again = read(copy);
            assertEquals(new ArrayList<>(expected.keySet()), again == null ? null : new ArrayList<>(again.keySet()),
                    "entry names of the raw copy");
            for (Map.Entry<String, byte[]> entry : expected.entrySet()) {
                if (entry.getValue() != null) {
                    assertArrayEquals(entry.getValue(), again.get(entry.getKey()),
                            "bytes of " + entry.getKey() + " in the raw copy");
                }
            }
        }
        Map<String, byte[]> jdk = jdkRead(output);
        if (jdkReadInput) {
            assertNotNull(jdk, "the JDK opened the input but not its raw copy");
        }
        if (jdk != null) {
            assertEquals(expected.keySet(), jdk.keySet(), "entry names of the raw copy, as the JDK reads them");
        }
    }
}
