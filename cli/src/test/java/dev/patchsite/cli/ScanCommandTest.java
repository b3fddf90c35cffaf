package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchsite.testdata.BadInputs;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchsite scan}: the table of the sample programs, its formats and output, bad inputs, usage errors. */
class ScanCommandTest {

    private static final String SPIN_LOCK = "dev.patchsite.sample.lock.SpinLock";
    private static final String SLOWPATH = SPIN_LOCK + ".slowpath(Ldev/patchsite/sample/lock/QLock;I)V";
    private static final String UNLOCK = SPIN_LOCK + ".unlock(Ldev/patchsite/sample/lock/QLock;)V";
    private static final String CONTENDED_RELEASE =
            "dev.patchsite.sample.trace.LockEvents.contendedRelease(Ldev/patchsite/sample/lock/QLock;)V";
    private static final String APP = "dev.patchsite.sample.app.";
    private static final String QLOCK_V = "(Ldev/patchsite/sample/lock/QLock;)V";

    private static final String NANO_TIME = "java.lang.System.nanoTime()J";
    private static final String STOPWATCH = "dev.patchsite.sample.clock.Stopwatch";

    @TempDir
    Path tmp;

    // ---- (a) the golden table, and the same table from a classpath of two jars and from a directory

    @Test
    void sampleJarGivesTheGoldenTable() throws IOException {
        Path sample = Samples.jar(Samples.SAMPLE);
        Map<String, String> before = TestFiles.snapshot(sample);

        Cli.Result result = Cli.run("scan", sample).assertClean(ExitCode.OK.code());

        Golden.assertMatches("sample.table", result.out());
        assertEquals(before, TestFiles.snapshot(sample), "scan changed its input");
    }

    /**
     * The sites of sample.jar cover every way a function is reached; this pins each kind down in the actual output and
     * in the golden file, so that a regenerated golden file cannot silently lose one.
     */
    @Test
    void tableHoldsEveryKindOfSite() {
        String table = Cli.run("scan", Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code()).out();
        assertEveryKindOfSite(table);
        assertEveryKindOfSite(Golden.read("sample.table"));
    }

    private static void assertEveryKindOfSite(String table) {
        List<String> lines = table.lines().toList();
        assertEquals("patchsite-table 1", lines.get(0), "first line");
        assertEquals(3, count(lines, "function "), "functions:\n" + table);
        assertEquals(3, count(lines, "variant "), "variants:\n" + table);
        assertEquals(20, count(lines, "site "), "sites (one per '// site:' comment of the sample sources):\n" + table);

        // The functions: two of a class, one updatable of an interface.
        assertLine(lines, "function " + SLOWPATH);
        assertLine(lines, "function " + UNLOCK);
        assertLine(lines, "function " + CONTENDED_RELEASE + " updatable");
        // The variants: one implementing a function, one both, one without a probe.
        assertLine(lines, "variant " + SPIN_LOCK + " numa dev.patchsite.sample.lock.NumaSpinLock priority=10"
                + " when=dev.patchsite.sample.lock.NumaProbe implements=slowpath(Ldev/patchsite/sample/lock/QLock;I)V");
        assertLine(lines, "variant " + SPIN_LOCK + " paravirt dev.patchsite.sample.lock.ParavirtSpinLock priority=20"
                + " when=dev.patchsite.sample.lock.HypervisorProbe implements=slowpath(Ldev/patchsite/sample/lock/QLock;I)V,"
                + "unlock" + QLOCK_V);
        assertLine(lines, "variant dev.patchsite.sample.trace.LockEvents enabled"
                + " dev.patchsite.sample.trace.LockEventsEnabled priority=0 implements=contendedRelease" + QLOCK_V);

        // invokestatic of a Methodref.
        assertLine(lines, "site " + SLOWPATH + " " + APP + "Main.direct" + QLOCK_V + " #0 invoke line=80 offset=8");
        // invokestatic of an InterfaceMethodref (LockEvents is an interface).
        assertLine(lines, "site " + CONTENDED_RELEASE + " " + SPIN_LOCK + ".unlock" + QLOCK_V
                + " #0 invoke line=64 offset=15");
        // A method reference: a ref site, in <clinit> and in ordinary methods, of a class's and of an interface's
        // function.
        assertLine(lines, "site " + SLOWPATH + " " + APP + "Refs.<clinit>()V #0 ref line=17 offset=0");
        assertLine(lines, "site " + UNLOCK + " " + APP + "Refs.unlock()Ljava/util/function/Consumer; #0 ref line=23"
                + " offset=0");
        assertLine(lines, "site " + CONTENDED_RELEASE + " " + APP + "Refs.contendedRelease()Ljava/util/function/Consumer;"
                + " #0 ref line=27 offset=0");
        // Calls from lambda bodies: the caller is the synthetic lambda$ method.
        assertLine(lines, "site " + SLOWPATH + " " + APP + "Lambdas.lambda$acquire$0" + QLOCK_V
                + " #0 invoke line=14 offset=5");
        assertLine(lines, "site " + UNLOCK + " " + APP + "Lambdas.lambda$release$1" + QLOCK_V
                + " #0 invoke line=19 offset=1");
        // The caller is a static method of an interface.
        assertLine(lines, "site " + UNLOCK + " " + APP + "Guard.release" + QLOCK_V + " #0 invoke line=12 offset=1");
        assertLine(lines, "site " + CONTENDED_RELEASE + " " + APP + "Guard.release" + QLOCK_V
                + " #0 invoke line=13 offset=5");
        // A variant calling the function it implements: a super-call.
        assertLine(lines, "site " + UNLOCK + " dev.patchsite.sample.lock.ParavirtSpinLock.unlock" + QLOCK_V
                + " #0 invoke super line=60 offset=8");
        assertEquals(1, lines.stream().filter(l -> l.contains(" super ")).count(), "only one super-call:\n" + table);
        // A class of META-INF/versions/11 beside its base release: same caller and ordinal, told apart by release.
        assertLine(lines, "site " + SLOWPATH + " " + APP + "Clock.tick(Ldev/patchsite/sample/lock/QLock;)J #0 invoke"
                + " release=11 line=25 offset=7");
        assertLine(lines, "site " + UNLOCK + " " + APP + "Clock.tick(Ldev/patchsite/sample/lock/QLock;)J #0 invoke"
                + " line=26 offset=15");
        assertLine(lines, "site " + UNLOCK + " " + APP + "Clock.tick(Ldev/patchsite/sample/lock/QLock;)J #0 invoke"
                + " release=11 line=27 offset=21");
        // Worker.run()V is the site that version 2 moves (see DiffCommandTest).
        assertLine(lines, "site " + UNLOCK + " " + APP + "Worker.run()V #0 invoke line=50 offset=31");
    }

    private static long count(List<String> lines, String prefix) {
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    private static void assertLine(List<String> lines, String line) {
        assertTrue(lines.contains(line), () -> "missing line\n  " + line + "\nin\n" + String.join("\n", lines));
    }

    @Test
    void classpathOfLibraryAndAppJarsGivesTheSameTable() {
        Cli.Result result = Cli.run("scan", Samples.jar(Samples.SAMPLE_LIB), Samples.jar(Samples.SAMPLE_APP))
                .assertClean(ExitCode.OK.code());
        Golden.assertMatches("sample.table", result.out());
    }

    @Test
    void directoryOfClassesGivesTheSameTable() throws IOException {
        Path dir = TestFiles.unzip(Samples.jar(Samples.SAMPLE), tmp.resolve("classes"));
        assertTrue(Files.isRegularFile(dir.resolve("META-INF/versions/11/dev/patchsite/sample/app/Clock.class")));
        Map<String, String> before = TestFiles.snapshot(dir);

        Cli.Result result = Cli.run("scan", dir).assertClean(ExitCode.OK.code());

        Golden.assertMatches("sample.table", result.out());
        assertEquals(before, TestFiles.snapshot(dir), "scan changed its input");
    }

    // ---- (b) JSON

    @Test
    void jsonFormatGivesTheGoldenJson() {
        Cli.Result result = Cli.run("scan", "--format", "json", Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
        Golden.assertMatches("sample.json", result.out());
    }

    @Test
    void formatNameIsCaseInsensitive() {
        Cli.Result result = Cli.run("scan", "--format", "JSON", Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
        Golden.assertMatches("sample.json", result.out());
    }

    // ---- (c) -o FILE

    @Test
    void outputFileHoldsTheBytesOfStandardOutput() throws IOException {
        Path sample = Samples.jar(Samples.SAMPLE);
        String stdout = Cli.run("scan", sample).assertClean(ExitCode.OK.code()).out();
        Path table = tmp.resolve("sample.table");

        Cli.Result result = Cli.run("scan", "-o", table, sample).assertClean(ExitCode.OK.code());

        assertEquals("", result.out(), "stdout with -o");
        assertArrayEquals(stdout.getBytes(StandardCharsets.UTF_8), Files.readAllBytes(table));
        assertEquals(List.of("sample.table"), TestFiles.list(tmp), "files left beside the output");
    }

    @Test
    void longOutputOptionWritesJsonToo() throws IOException {
        Path json = tmp.resolve("out").resolve("sample.json");

        Cli.run("scan", "--format=json", "--output=" + json, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());

        Golden.assertMatches("sample.json", TestFiles.read(json));
        assertEquals(List.of("sample.json"), TestFiles.list(json.getParent()), "files left beside the output");
    }

    @Test
    void outputFileIsReplaced() throws IOException {
        Path table = Files.writeString(tmp.resolve("sample.table"), "old contents, longer than nothing\n".repeat(500));

        Cli.run("scan", "-o", table, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());

        Golden.assertMatches("sample.table", TestFiles.read(table));
        assertEquals(List.of("sample.table"), TestFiles.list(tmp), "files left beside the output");
    }

    @Test
    void outputFileHasTheModeOfAnyNewFile() throws IOException {
        assumeTrue(tmp.getFileSystem().supportedFileAttributeViews().contains("posix"), "not a POSIX file system");
        Set<PosixFilePermission> usual = Files.getPosixFilePermissions(Files.createFile(tmp.resolve("any-new-file")));
        Path table = tmp.resolve("sample.table");

        Cli.run("scan", "-o", table, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());

        assertEquals(PosixFilePermissions.toString(usual),
                PosixFilePermissions.toString(Files.getPosixFilePermissions(table)));
    }

    @Test
    void failedScanLeavesTheOutputFileAsItWas() throws IOException {
        Path bad = BadInputs.corruptEntryJar(tmp.resolve("in").resolve("corrupt-entry.jar"));
        Path table = Files.writeString(tmp.resolve("previous.table"), "previous\n");

        Cli.Result result = Cli.run("scan", "-o", table, bad).assertExit(ExitCode.INPUT.code());

        assertEquals(List.of("error: " + bad + "!/bad/Corrupt.class: corrupt entry: invalid block type"),
                result.errLines());
        assertEquals("previous\n", TestFiles.read(table));
        assertEquals(List.of("in", "previous.table"), TestFiles.list(tmp), "files left beside the output");
    }

    @Test
    void unwritableOutputIsAnInputError() throws IOException {
        Path notADirectory = Files.writeString(tmp.resolve("file"), "x");
        Path table = notADirectory.resolve("sample.table");

        Cli.Result result = Cli.run("scan", "-o", table, Samples.jar(Samples.SAMPLE)).assertExit(ExitCode.INPUT.code());

        assertEquals(1, result.errLines().size(), result.err());
        assertTrue(result.err().startsWith("error: " + table + ": cannot write: "), result.err());
        assertEquals("", result.out());
    }

    // ---- (d) determinism

    @Test
    void twoScansGiveIdenticalBytes() {
        Path sample = Samples.jar(Samples.SAMPLE);
        String first = Cli.run("scan", sample).assertClean(ExitCode.OK.code()).out();
        String second = Cli.run("scan", sample).assertClean(ExitCode.OK.code()).out();
        assertEquals(first, second);
        assertEquals(Cli.run("scan", "--format", "json", sample).out(),
                Cli.run("scan", "--format", "json", sample).out());
    }

    @Test
    void threadCountDoesNotChangeTheTable() {
        Path sample = Samples.jar(Samples.SAMPLE);
        String one = Cli.run("scan", "--threads", "1", sample).assertClean(ExitCode.OK.code()).out();
        String four = Cli.run("scan", "--threads", "4", sample).assertClean(ExitCode.OK.code()).out();
        String many = Cli.run("scan", "--threads", "64", Samples.jar(Samples.SAMPLE_LIB),
                Samples.jar(Samples.SAMPLE_APP)).assertClean(ExitCode.OK.code()).out();
        assertEquals(one, four);
        assertEquals(one, many);
        Golden.assertMatches("sample.table", one);
    }

    // ---- (e) declarations

    @Test
    void declarationsMakeAJdkMethodAFunction() {
        Cli.Result result = Cli.run("scan", Samples.jar(Samples.SAMPLE_CLOCK), "--declarations",
                Samples.clockDeclarations()).assertClean(ExitCode.OK.code());

        Golden.assertMatches("clock.table", result.out());
        List<String> lines = result.out().lines().toList();
        assertLine(lines, "function " + NANO_TIME + " declared");
        assertLine(lines, "variant java.lang.System coarse dev.patchsite.sample.clock.CoarseClock priority=0"
                + " when=dev.patchsite.Variant$Always implements=nanoTime()J");
        assertLine(lines, "site " + NANO_TIME + " " + STOPWATCH + ".start()V #0 invoke line=21 offset=1");
        assertLine(lines, "site " + NANO_TIME + " " + STOPWATCH + ".time(Ljava/lang/Runnable;)[J #0 invoke line=40"
                + " offset=0");
        assertLine(lines, "site " + NANO_TIME + " " + STOPWATCH + ".time(Ljava/lang/Runnable;)[J #1 invoke line=42"
                + " offset=10");
        assertEquals(6, lines.size(), result.out());
    }

    @Test
    void variantOfAClassWithoutFunctionsIsAValidationError() {
        Cli.Result result = Cli.run("scan", Samples.jar(Samples.SAMPLE_CLOCK)).assertExit(ExitCode.VALIDATION.code());

        assertEquals("", result.out());
        assertEquals("""
                error: 1 problem in the declarations:
                  variant coarse (dev.patchsite.sample.clock.CoarseClock): group java.lang.System declares no\
                 function; annotate its functions with @RuntimeStatic or add function lines for them to a declaration\
                 file
                """, result.err());
        result.assertNoStackTrace();
    }

    @Test
    void missingDeclarationFileIsAnInputError() {
        Path missing = tmp.resolve("missing.decl");
        Cli.Result result = Cli.run("scan", Samples.jar(Samples.SAMPLE_CLOCK), "--declarations", missing)
                .assertExit(ExitCode.INPUT.code());
        assertEquals(List.of("error: " + missing + ": no such file or directory"), result.errLines());
        assertEquals("", result.out());
    }

    // ---- (f) bad inputs: exit 3, one line naming the input (and entry), no stack trace, the input unchanged

    @Test
    void truncatedJar() throws IOException {
        Path jar = BadInputs.truncatedJar(Samples.jar(Samples.SAMPLE), tmp.resolve("truncated.jar"));
        assertBadInput(jar, jar + ": not a readable jar (truncated, or not a zip file)");
    }

    @Test
    void corruptEntry() throws IOException {
        Path jar = BadInputs.corruptEntryJar(tmp.resolve("corrupt-entry.jar"));
        assertBadInput(jar, jar + "!/bad/Corrupt.class: corrupt entry: invalid block type");
    }

    @Test
    void fileThatIsNotAJar() throws IOException {
        Path jar = BadInputs.notAJar(tmp.resolve("not-a-jar.jar"));
        assertBadInput(jar, jar + ": not a readable jar (truncated, or not a zip file)");
    }

    @Test
    void malformedClassInAJar() throws IOException {
        Path jar = BadInputs.malformedClassJar(tmp.resolve("malformed-class.jar"));
        assertBadInput(jar, jar + "!/bad/Broken.class: malformed class file: truncated class file (45 bytes)");
    }

    @Test
    void classWithBadMagicInADirectory() throws IOException {
        Path dir = BadInputs.badMagicClassDir(tmp.resolve("bad-magic"));
        assertBadInput(dir, dir.resolve("x/Bad.class") + ": malformed class file: not a class file (magic 0xCAFEBABF)");
    }

    @Test
    void duplicateEntry() throws IOException {
        Path jar = BadInputs.duplicateEntryJar(tmp.resolve("duplicate-entry.jar"));
        assertBadInput(jar, jar + "!/a/A.class: duplicate entry; a jar with two entries of one name is ambiguous (which"
                + " one the JVM loads depends on the reader)");
    }

    @Test
    void missingFile() throws IOException {
        Path jar = tmp.resolve("missing.jar");
        assertBadInput(jar, jar + ": no such file or directory");
        assertEquals(List.of(), TestFiles.list(tmp), "scan created something");
    }

    @Test
    void badInputAfterAGoodOneOnTheClasspathIsNamed() throws IOException {
        Path jar = BadInputs.malformedClassJar(tmp.resolve("malformed-class.jar"));
        Cli.Result result = Cli.run("scan", "--threads", "4", Samples.jar(Samples.SAMPLE), jar)
                .assertExit(ExitCode.INPUT.code());
        assertEquals(List.of("error: " + jar + "!/bad/Broken.class: malformed class file: truncated class file (45"
                + " bytes)"), result.errLines());
        assertEquals("", result.out());
    }

    /** Scans the input with one thread and with four: each time one exact error line, nothing else, input unchanged. */
    private static void assertBadInput(Path input, String message) throws IOException {
        Map<String, String> before = TestFiles.snapshot(input);
        for (String threads : List.of("1", "4")) {
            Cli.Result result = Cli.run("scan", "--threads", threads, input).assertExit(ExitCode.INPUT.code())
                    .assertNoStackTrace();
            assertEquals(List.of("error: " + message), result.errLines(), "stderr with --threads " + threads);
            assertEquals("", result.out(), "stdout");
            assertEquals(before, TestFiles.snapshot(input), "scan changed its input");
        }
    }

    // ---- (g) usage errors: exit 2, the reason first, then the usage

    @Test
    void noInput() {
        assertUsageError("Missing required parameter: 'INPUT'", "scan");
    }

    @Test
    void unknownOption() {
        assertUsageError("Unknown option: '--bogus'", "scan", "--bogus", Samples.jar(Samples.SAMPLE));
    }

    @Test
    void unknownFormat() {
        assertUsageError("Invalid value for option '--format': expected one of text, json but was 'xml'", "scan",
                "--format", "xml", Samples.jar(Samples.SAMPLE));
    }

    @Test
    void zeroThreads() {
        assertUsageError("--threads must be at least 1 but was 0", "scan", "--threads", "0",
                Samples.jar(Samples.SAMPLE));
    }

    @Test
    void threadsNotANumber() {
        assertUsageError("Invalid value for option '--threads': 'many' is not an int", "scan", "--threads", "many",
                Samples.jar(Samples.SAMPLE));
    }

    private static void assertUsageError(String reason, Object... args) {
        Cli.Result result = Cli.run(args).assertExit(ExitCode.USAGE.code()).assertNoStackTrace();
        assertEquals("", result.out(), "stdout");
        List<String> err = result.errLines();
        assertEquals(reason, err.get(0), result.err());
        assertTrue(err.get(1).startsWith("Usage: patchsite scan "), result.err());
    }
}
