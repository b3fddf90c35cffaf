package dev.patchsite.linker.scan;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The scan cache ({@link ScanRequest#cache()}): a scan finds the same table with it as without it, whatever the cache
 * holds; an entry the cache recorded as it is now is not read at all (proved by scanning a copy of the jar whose
 * recorded entries cannot be inflated, with the same central directory); a program whose jars' directories and
 * declarations are those of its last scan gets that scan's table and messages from the cache's table file; and a
 * cache file, of a jar or of a program's table, that cannot be trusted is ignored with one warning.
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
        assertEquals(1, jarFiles(cache).size());
        assertEquals(1, tableFiles(cache).size());

        assertEquals(5, GarbledJar.write(original, jar, name -> name.endsWith(".class")));
        assertThrows(InputException.class, () -> text(jar, null, new RecordedLog()), "every class is unreadable");
        RecordedLog log = new RecordedLog();
        assertEquals(expected, text(jar, cache, log), "the program's table");
        assertEquals(List.of(), log.warnings());
        deleteTableFiles(cache);
        assertEquals(expected, text(jar, cache, log), "every entry's record");
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void aProgramWhoseDeclarationsChangedIsScannedAgain() throws Exception {
        Path jar = Files.copy(Samples.jar(Samples.SAMPLE_CLOCK), dir.resolve("clock.jar"));
        Path declarations = Files.copy(Samples.clockDeclarations(), dir.resolve("clock.decl"));
        Path cache = dir.resolve("cache");
        ScanRequest declared = request(List.of(jar), cache).withDeclarations(declarations);
        String expected = TableWriter.toText(Scanner.scan(declared.withCache(null)));
        assertEquals(expected, TableWriter.toText(Scanner.scan(declared)));
        assertEquals(expected, TableWriter.toText(Scanner.scan(declared)));
        // Without the function its variant names, the program breaks a rule: a scan must see that, not the cache's.
        Files.writeString(declarations, "patchsite-declarations 1\n");
        assertThrows(ValidationException.class, () -> Scanner.scan(declared.withCache(null)));
        assertThrows(ValidationException.class, () -> Scanner.scan(declared));
        assertEquals(1, tableFiles(cache).size(), "one file per program");
    }

    @Test
    void aTableFromTheCacheComesWithTheWarningsOfItsScan() throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("lib/inside.jar"));
            zip.write(Files.readAllBytes(programJar()));
            zip.closeEntry();
        }
        Path cache = dir.resolve("cache");
        RecordedLog first = new RecordedLog();
        String expected = text(jar, cache, first);
        assertEquals(1, first.warnings().size(), first.warnings().toString());
        assertTrue(first.warnings().get(0).contains("lib/inside.jar: a jar inside a jar"), first.warnings().get(0));
        RecordedLog second = new RecordedLog();
        assertEquals(expected, text(jar, cache, second));
        assertEquals(first.warnings(), second.warnings());
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
        assertEquals(4, jarFiles(cache).size(), "one file per jar");
        assertEquals(4, tableFiles(cache).size(), "one file per program");
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
    void theRecordsAScanOfAChangedJarLeavesServeTheNextScanWhole() throws Exception {
        Path version2 = Samples.jar(Samples.SAMPLE_V2);
        Rescan rescan = scanThenReplace(Samples.jar(Samples.SAMPLE), version2);
        Path jar = rescan.jar();
        Path cache = rescan.cache();
        String expected = text(version2, null, new RecordedLog());
        assertEquals(expected, text(jar, cache, new RecordedLog()), "records kept as they were, and new ones");

        assertTrue(GarbledJar.write(version2, jar, name -> name.endsWith(".class")) > 10);
        deleteTableFiles(cache);
        RecordedLog log = new RecordedLog();
        assertEquals(expected, text(jar, cache, log), "every class from its record, none read");
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void aRescanOfAFewChangedClassesWritesADeltaAndLeavesTheJarsFileAsItIs() throws Exception {
        Path version1 = Samples.jar(Samples.SAMPLE);
        Path version2 = Samples.jar(Samples.SAMPLE_V2);
        Rescan rescan = scanThenReplace(version1, version2);
        assertEquals(text(version2, null, new RecordedLog()), text(rescan.jar(), rescan.cache(), new RecordedLog()));
        assertArrayEquals(rescan.baseBytes(), Files.readAllBytes(rescan.base()), "the jar's file as it was");
        Path delta = rescan.delta();
        assertTrue(Files.isRegularFile(delta), "the changed classes' records beside it");
        assertTrue(Files.size(delta) < Files.size(rescan.base()) / 2, Files.size(delta) + " bytes");

        Files.copy(version1, rescan.jar(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(text(version1, null, new RecordedLog()), text(rescan.jar(), rescan.cache(), new RecordedLog()));
        assertArrayEquals(rescan.baseBytes(), Files.readAllBytes(rescan.base()));
        assertTrue(Files.notExists(delta), "every entry is the base's again: no delta");
    }

    @Test
    void aDamagedDeltaIsIgnoredWithOneWarningAndReplaced() throws Exception {
        Rescan rescan = scanThenReplace(Samples.jar(Samples.SAMPLE), Samples.jar(Samples.SAMPLE_V2));
        Path jar = rescan.jar();
        Path cache = rescan.cache();
        String expected = text(jar, cache, new RecordedLog());
        Path delta = rescan.delta();
        byte[] good = Files.readAllBytes(delta);
        byte[] bytes = good.clone();
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(delta, bytes);
        deleteTableFiles(cache);

        RecordedLog log = new RecordedLog();
        assertEquals(expected, text(jar, cache, log));
        assertEquals(1, log.warnings().size(), log.warnings().toString());
        assertTrue(log.warnings().get(0).contains(delta + ": damaged or truncated"), log.warnings().get(0));
        assertArrayEquals(good, Files.readAllBytes(delta), "replaced by the same records");
    }

    @Test
    void aDamagedDeltaThatNoEntryNeedsIsRemoved() throws Exception {
        Path version1 = Samples.jar(Samples.SAMPLE);
        Rescan rescan = scanThenReplace(version1, Samples.jar(Samples.SAMPLE_V2));
        text(rescan.jar(), rescan.cache(), new RecordedLog());
        byte[] bytes = Files.readAllBytes(rescan.delta());
        bytes[bytes.length / 2] ^= 0x10;
        Files.write(rescan.delta(), bytes);
        Files.copy(version1, rescan.jar(), StandardCopyOption.REPLACE_EXISTING);

        RecordedLog log = new RecordedLog();
        assertEquals(text(version1, null, new RecordedLog()), text(rescan.jar(), rescan.cache(), log));
        assertEquals(1, log.warnings().size(), log.warnings().toString());
        assertTrue(Files.notExists(rescan.delta()), "every entry is the base's: the damaged delta goes");
        assertArrayEquals(rescan.baseBytes(), Files.readAllBytes(rescan.base()));
        RecordedLog again = new RecordedLog();
        deleteTableFiles(rescan.cache());
        text(rescan.jar(), rescan.cache(), again);
        assertEquals(List.of(), again.warnings(), "told once");
    }

    @Test
    void aFileThatIsNoCacheAtTheDeltasNameIsLeftAndTheJarsFileWrittenInstead() throws Exception {
        Rescan rescan = scanThenReplace(Samples.jar(Samples.SAMPLE), Samples.jar(Samples.SAMPLE_V2));
        Files.delete(rescan.base());
        Path notes = Files.writeString(rescan.delta(), "notes\n");
        deleteTableFiles(rescan.cache());

        RecordedLog log = new RecordedLog();
        String expected = text(Samples.jar(Samples.SAMPLE_V2), null, new RecordedLog());
        assertEquals(expected, text(rescan.jar(), rescan.cache(), log));
        assertEquals(List.of("scan cache " + notes + ": not a patchsite scan cache; not used, and left as it is"),
                log.warnings());
        assertEquals("notes\n", Files.readString(notes));
        assertTrue(Files.isRegularFile(rescan.base()), "the jar's records written whole, where a delta cannot be");

        // Another version: what would be a delta goes to the jar's file too, and the next scan uses it.
        Files.copy(Samples.jar(Samples.SAMPLE), rescan.jar(), StandardCopyOption.REPLACE_EXISTING);
        assertEquals(text(Samples.jar(Samples.SAMPLE), null, new RecordedLog()), text(rescan.jar(), rescan.cache(),
                new RecordedLog()));
        assertEquals("notes\n", Files.readString(notes));
        GarbledJar.write(Samples.jar(Samples.SAMPLE), rescan.jar(), name -> name.endsWith(".class"));
        deleteTableFiles(rescan.cache());
        assertEquals(text(Samples.jar(Samples.SAMPLE), null, new RecordedLog()), text(rescan.jar(), rescan.cache(),
                new RecordedLog()), "every class from the jar's file");
    }

    @Test
    void manyChangedClassesWriteTheJarsFileAnew() throws Exception {
        Path version2 = manyClasses(dir.resolve("v2"), 1);
        Rescan rescan = scanThenReplace(manyClasses(dir.resolve("v1"), 0), version2);
        assertEquals(text(version2, null, new RecordedLog()), text(rescan.jar(), rescan.cache(), new RecordedLog()));
        assertEquals(List.of(rescan.base()), jarFiles(rescan.cache()), "no delta");
        assertTrue(!Arrays.equals(rescan.baseBytes(), Files.readAllBytes(rescan.base())), "the jar's file written anew");
    }

    /**
     * A jar scanned with the cache, then replaced by another version, not yet scanned.
     *
     * @param jar the jar, now the second version
     * @param cache the cache
     * @param base the jar's cache file
     * @param baseBytes the file's bytes after the first scan
     */
    private record Rescan(Path jar, Path cache, Path base, byte[] baseBytes) {
        /** Returns where the jar's delta is, if there is one. */
        Path delta() {
            return base.resolveSibling(base.getFileName().toString().replace(".cache", "-delta.cache"));
        }
    }

    private Rescan scanThenReplace(Path version1, Path version2) throws Exception {
        Path jar = Files.copy(version1, dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        text(jar, cache, new RecordedLog());
        Path base = single(jarFiles(cache));
        byte[] baseBytes = Files.readAllBytes(base);
        Files.copy(version2, jar, StandardCopyOption.REPLACE_EXISTING);
        return new Rescan(jar, cache, base, baseBytes);
    }

    /** A jar of 80 classes that each call the sample's function, which differ from one {@code version} to another. */
    private Path manyClasses(Path where, int version) throws IOException {
        Map<String, String> sources = new java.util.TreeMap<>(PROGRAM);
        for (int i = 0; i < 80; i++) {
            sources.put("app.C" + i, "package app; final class C" + i + " { static int g() { return lib.Base.f() + "
                    + version + "; } }");
        }
        return zip(JavaSources.compile(where, sources), dir.resolve("many-" + version + ".jar"));
    }

    private static Path single(List<Path> files) {
        assertEquals(1, files.size(), files.toString());
        return files.get(0);
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

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aDamagedCacheIsIgnoredWithOneWarningAndReplaced(Kind kind) throws Exception {
        assertUnusableCache(kind, bytes -> bytes[bytes.length / 2] ^= 0x10, "damaged or truncated");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aTruncatedCacheIsIgnoredWithOneWarningAndReplaced(Kind kind) throws Exception {
        assertUnusableCache(kind, null, "damaged or truncated");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aCacheOfAnotherVersionIsIgnoredWithOneWarningAndReplaced(Kind kind) throws Exception {
        assertUnusableCache(kind, bytes -> {
            // The format number, just after the 21 bytes of the magic line, with the checksum made to match.
            ByteBuffer.wrap(bytes).putInt(21, 99);
            CRC32C crc = new CRC32C();
            crc.update(bytes, 0, bytes.length - 8);
            ByteBuffer.wrap(bytes).putLong(bytes.length - 8, crc.getValue());
        }, "written by patchsite");
    }

    @ParameterizedTest
    @EnumSource(Kind.class)
    void aFileThatIsNoCacheIsIgnoredWithOneWarningAndLeftAsItIs(Kind kind) throws Exception {
        Path jar = Files.copy(programJar(), dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        String expected = text(jar, cache, new RecordedLog());
        Path file = kind.file(cache);
        Files.writeString(file, "somebody else's file\n");
        for (int round = 0; round < 2; round++) {
            kind.leaveAlone(cache);
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

    /** The two kinds of cache file. */
    enum Kind {
        /** One jar's records of its entries. */
        JAR,
        /** A program's table. */
        TABLE;

        /** Returns the file of this kind in a cache of one jar. */
        Path file(Path cache) throws IOException {
            return (this == JAR ? jarFiles(cache) : tableFiles(cache)).get(0);
        }

        /** Makes a scan use the file of this kind: a jar's records are not read when its program's table is. */
        void leaveAlone(Path cache) throws IOException {
            if (this == JAR) {
                deleteTableFiles(cache);
            }
        }
    }

    /** A cache file changed by {@code damage} (or cut in half, if null) is reported once, not used, and replaced. */
    private void assertUnusableCache(Kind kind, Damage damage, String reason) throws Exception {
        Path original = programJar();
        Path jar = Files.copy(original, dir.resolve("app.jar"));
        Path cache = dir.resolve("cache");
        String expected = text(jar, cache, new RecordedLog());
        Path file = kind.file(cache);
        kind.leaveAlone(cache);
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
        return zip(JavaSources.compile(dir.resolve("program"), PROGRAM), dir.resolve("program.jar"));
    }

    private static Path zip(Path classes, Path jar) throws IOException {
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

    private static List<Path> jarFiles(Path cache) throws IOException {
        return cacheFiles(cache, false);
    }

    private static List<Path> tableFiles(Path cache) throws IOException {
        return cacheFiles(cache, true);
    }

    private static List<Path> cacheFiles(Path cache, boolean tables) throws IOException {
        try (Stream<Path> files = Files.list(cache)) {
            return files.filter(f -> f.getFileName().toString().startsWith("scan-table-") == tables).sorted()
                    .toList();
        }
    }

    private static void deleteTableFiles(Path cache) throws IOException {
        for (Path file : tableFiles(cache)) {
            Files.delete(file);
        }
    }
}
