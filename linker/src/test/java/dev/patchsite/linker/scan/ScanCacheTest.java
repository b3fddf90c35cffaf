package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The scan cache ({@link ScanRequest#cache()}): a scan finds the same table with it as without it, whatever the cache
 * holds; an entry the cache recorded as it is now is not read at all (proved by scanning a copy of the jar whose
 * recorded entries cannot be inflated, with the same central directory); and a cache file that cannot be trusted is
 * ignored with one warning.
 */
class ScanCacheTest {

    /**
     * A group, a variant with a probe (which validation looks up), a subclass that inherits the function (which the
     * scan reads to find calls through it) and a caller.
     */
    private static final Map<String, String> PROGRAM = Map.of(
            "lib.Base", """
                    package lib;
                    public class Base {
                        @dev.patchsite.RuntimeStatic
                        public static int f() { return 1; }
                    }
                    """,
            "lib.Fast", """
                    package lib;
                    @dev.patchsite.Variant(of = Base.class, name = "fast", when = Probe.class, priority = 3)
                    public final class Fast {
                        public static int f() { return 10 + Base.f(); }
                    }
                    """,
            "lib.Probe", """
                    package lib;
                    public final class Probe implements java.util.function.BooleanSupplier {
                        public boolean getAsBoolean() { return true; }
                    }
                    """,
            "app.Sub", """
                    package app;
                    public class Sub extends lib.Base {
                    }
                    """,
            "app.Main", """
                    package app;
                    public final class Main {
                        static int g() { return Sub.f() + lib.Base.f(); }
                        static java.util.function.IntSupplier h() { return lib.Base::f; }
                    }
                    """);

    @TempDir
    Path dir;

    @Test
    void aSecondScanOfAnUnchangedJarReadsNoClassAndFindsTheSameTable() throws Exception {
        Path original = programJar();
        Path jar = Files.copy(original, dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        String expected = text(jar, null, new RecordedLog());
        assertTrue(expected.contains("via=app.Sub"), expected);
        assertEquals(expected, text(jar, cache, new RecordedLog()));
        assertEquals(1, cacheFiles(cache).size());

        assertEquals(5, GarbledJar.write(original, jar, name -> name.endsWith(".class")));
        assertThrows(InputException.class, () -> text(jar, null, new RecordedLog()), "every class is unreadable");
        RecordedLog log = new RecordedLog();
        assertEquals(expected, text(jar, cache, log));
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void aScanWithTheCacheFindsWhatAScanWithoutItFinds() throws Exception {
        Path cache = dir.resolve("cache");
        for (String sample : List.of(Samples.SAMPLE, Samples.SAMPLE_V2, Samples.SAMPLE_LIB)) {
            Path jar = Samples.jar(sample);
            String expected = text(jar, null, new RecordedLog());
            assertEquals(expected, text(jar, cache, new RecordedLog()), "first scan, " + sample);
            assertEquals(expected, text(jar, cache, new RecordedLog()), "second scan, " + sample);
        }
        Path clock = Samples.jar(Samples.SAMPLE_CLOCK);
        ScanRequest declared = request(List.of(clock), cache).withDeclarations(Samples.clockDeclarations());
        String expected = TableWriter.toText(Scanner.scan(declared.withCache(null)));
        assertEquals(expected, TableWriter.toText(Scanner.scan(declared)));
        assertEquals(expected, TableWriter.toText(Scanner.scan(declared)));
        assertEquals(4, cacheFiles(cache).size(), "one file per jar");
    }

    @Test
    void onlyTheEntriesThatChangedAreReadAgain() throws Exception {
        Path version1 = Samples.jar(Samples.SAMPLE);
        Path version2 = Samples.jar(Samples.SAMPLE_V2);
        Path jar = Files.copy(version1, dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        text(jar, cache, new RecordedLog());

        int garbled;
        try (ZipFile old = new ZipFile(version1.toFile()); ZipFile changed = new ZipFile(version2.toFile())) {
            garbled = GarbledJar.write(version2, jar, name -> sameBytes(old, changed, name));
        }
        assertTrue(garbled > 10, "most classes are the same in both versions: " + garbled);
        RecordedLog log = new RecordedLog();
        assertEquals(text(version2, null, new RecordedLog()), text(jar, cache, log));
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void sitesFoundWithOtherFunctionsAreFoundAgain() throws Exception {
        Path app = Samples.jar(Samples.SAMPLE_APP);
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        Path cache = dir.resolve("cache");
        String withLibrary = TableWriter.toText(Scanner.scan(request(List.of(app, lib), null)));
        String alone = TableWriter.toText(Scanner.scan(request(List.of(app), null)));
        assertTrue(!withLibrary.equals(alone), "the library's functions make the app's sites");
        for (int round = 0; round < 2; round++) {
            assertEquals(withLibrary, TableWriter.toText(Scanner.scan(request(List.of(app, lib), cache))));
            assertEquals(alone, TableWriter.toText(Scanner.scan(request(List.of(app), cache))));
        }
    }

    @Test
    void aDamagedCacheIsIgnoredWithOneWarningAndReplaced() throws Exception {
        assertUnusableCache(bytes -> bytes[bytes.length / 2] ^= 0x10, "damaged or truncated");
    }

    @Test
    void aTruncatedCacheIsIgnoredWithOneWarningAndReplaced() throws Exception {
        assertUnusableCache(null, "damaged or truncated");
    }

    @Test
    void aCacheOfAnotherVersionIsIgnoredWithOneWarningAndReplaced() throws Exception {
        assertUnusableCache(bytes -> {
            // The format number, just after the 21 bytes of the magic line, with the checksum made to match.
            ByteBuffer.wrap(bytes).putInt(21, 99);
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 8);
            ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        }, "written by patchsite");
    }

    @Test
    void aFileThatIsNoCacheIsIgnoredWithOneWarningAndLeftAsItIs() throws Exception {
        Path jar = Files.copy(programJar(), dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        String expected = text(jar, cache, new RecordedLog());
        Path file = cacheFiles(cache).get(0);
        Files.writeString(file, "somebody else's file\n");
        for (int round = 0; round < 2; round++) {
            RecordedLog log = new RecordedLog();
            assertEquals(expected, text(jar, cache, log));
            assertEquals(1, log.warnings().size(), log.warnings().toString());
            assertTrue(log.warnings().get(0).contains("not a patchsite scan cache; not used, and left as it is"),
                    log.warnings().get(0));
            assertEquals("somebody else's file\n", Files.readString(file));
        }
    }

    @Test
    void aCacheThatIsNotADirectoryIsAWarning() throws Exception {
        Path jar = Files.copy(programJar(), dir.resolve("app.jar"));
        Path cache = Files.writeString(dir.resolve("not-a-directory"), "");
        RecordedLog log = new RecordedLog();
        assertEquals(text(jar, null, new RecordedLog()), text(jar, cache, log));
        assertEquals(1, log.warnings().size(), log.warnings().toString());
        assertEquals("scan cache " + cache + ": not a directory; not used", log.warnings().get(0));
    }

    /** A cache file changed by {@code damage} (or cut in half, if null) is reported once, not used, and replaced. */
    private void assertUnusableCache(Damage damage, String reason) throws Exception {
        Path original = programJar();
        Path jar = Files.copy(original, dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        String expected = text(jar, cache, new RecordedLog());
        Path file = cacheFiles(cache).get(0);
        byte[] bytes = Files.readAllBytes(file);
        byte[] good = bytes.clone();
        if (damage == null) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        } else {
            damage.apply(bytes);
        }
        Files.write(file, bytes);

        RecordedLog log = new RecordedLog();
        assertEquals(expected, text(jar, cache, log));
        assertEquals(1, log.warnings().size(), log.warnings().toString());
        assertTrue(log.warnings().get(0).contains(file + ": " + reason), log.warnings().get(0));
        assertTrue(log.warnings().get(0).endsWith("not used, and replaced by this scan's"), log.warnings().get(0));
        assertArrayEquals(good, Files.readAllBytes(file), "replaced by the same records");

        GarbledJar.write(original, jar, name -> name.endsWith(".class"));
        RecordedLog after = new RecordedLog();
        assertEquals(expected, text(jar, cache, after));
        assertEquals(List.of(), after.warnings());
    }

    /** Changes a cache file's bytes in place. */
    @FunctionalInterface
    private interface Damage {
        void apply(byte[] bytes);
    }

    private static boolean sameBytes(ZipFile a, ZipFile b, String name) {
        try {
            ZipEntry entry = a.getEntry(name);
            return entry != null && Arrays.equals(a.getInputStream(entry).readAllBytes(),
                    b.getInputStream(b.getEntry(name)).readAllBytes());
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    private Path programJar() throws IOException {
        Path classes = JavaSources.compile(dir.resolve("program"), PROGRAM);
        Path jar = dir.resolve("program.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out);
                Stream<Path> files = Files.walk(classes)) {
            for (Path file : files.filter(Files::isRegularFile).sorted().toList()) {
                zip.putNextEntry(new ZipEntry(classes.relativize(file).toString().replace('\\', '/')));
                zip.write(Files.readAllBytes(file));
                zip.closeEntry();
            }
        }
        return jar;
    }

    private static ScanRequest request(List<Path> inputs, Path cache) {
        return ScanRequest.of(inputs).withThreads(2).withCache(cache);
    }

    private static String text(Path jar, Path cache, RecordedLog log) throws PatchsiteException {
        return TableWriter.toText(Scanner.scan(request(List.of(jar), cache).withLog(log)));
    }

    private static List<Path> cacheFiles(Path cache) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.sorted().toList();
        }
    }
}
