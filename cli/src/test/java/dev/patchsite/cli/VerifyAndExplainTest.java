package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code patchsite verify} (a linked jar passes; a table and bytecode that disagree give exit 4 and the list) and {@code patchsite explain}. */
class VerifyAndExplainTest {

    private static final Path SAMPLE = Path.of(System.getProperty("patchsite.testdata"), "sample.jar");
    private static final String UNLOCK = "dev.patchsite.sample.lock.SpinLock.unlock(Ldev/patchsite/sample/lock/QLock;)V";

    @TempDir
    Path dir;

    @Test
    void everyModeVerifies() {
        for (String mode : List.of("boot", "indy", "static")) {
            Path linked = dir.resolve(mode + ".jar");
            Cli.run("link", SAMPLE, "-o", linked, "--mode", mode).assertClean(ExitCode.OK.code());
            String bindings = switch (mode) {
                case "boot" -> "1 default, 16 patch, 3 trampoline:address";
                case "indy" -> "1 default, 16 indy, 3 trampoline:address";
                default -> "1 default, 16 direct, 3 trampoline:address";
            };
            assertEquals("verified " + linked + " (" + mode + " mode): 3 functions, 20 sites: " + bindings + "\n",
                    Cli.run("verify", linked).assertClean(ExitCode.OK.code()).out());
        }
    }

    @Test
    void aCallTheTableDoesNotListAndASiteNotInTheBytecodeAreProblems() throws IOException {
        Path linked = dir.resolve("boot.jar");
        Cli.run("link", SAMPLE, "-o", linked).assertClean(ExitCode.OK.code());
        Path edited = dir.resolve("edited.jar");
        // The table loses Worker.run's site and gains one in a method that does not exist.
        rewriteTable(linked, edited, table -> table.replace("site " + UNLOCK
                + " dev.patchsite.sample.app.Worker.run()V #0 invoke line=50 offset=31 bind=patch", "site " + UNLOCK
                + " dev.patchsite.sample.app.Worker.gone()V #0 invoke line=50 offset=31 bind=patch"));

        Cli.Result result = Cli.run("verify", edited).assertExit(ExitCode.VALIDATION.code()).assertNoStackTrace();

        assertEquals(List.of("error: 2 problems in " + edited + ":",
                "  " + edited + "!/dev/patchsite/sample/app/Worker.class: a call the table does not list: " + UNLOCK
                        + " dev.patchsite.sample.app.Worker.run()V #0 invoke line=50 offset=31",
                "  " + edited + ": " + UNLOCK + " dev.patchsite.sample.app.Worker.gone()V #0 invoke line=50 offset=31"
                        + " bind=patch: not in the bytecode"), result.errLines());
    }

    @Test
    void anUnlinkedJarIsBadInput() {
        Cli.Result result = Cli.run("verify", SAMPLE).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(List.of("error: " + SAMPLE + ": not linked (no META-INF/patchsite/table), but it holds"
                + " META-INF/versions/11/dev/patchsite/sample/app/Clock.class of the program; link it first"),
                result.errLines());
    }

    /** explain of a jar linked in static mode tells the selections fixed then, not what probes would pick. */
    @Test
    void explainOfAStaticLinkTellsTheSelectionsFixedThen() {
        Path linked = dir.resolve("static.jar");
        Cli.run("link", SAMPLE, "-o", linked, "--mode", "static", "--select", "dev.patchsite.sample.lock.SpinLock=numa")
                .assertExit(ExitCode.OK.code());
        Cli.Result result = Cli.run("explain", linked).assertClean(ExitCode.OK.code());
        assertEquals("""
                group dev.patchsite.sample.lock.SpinLock
                  selected: numa (fixed when the jar was linked in static mode;\
                 -Dpatchsite.select.dev.patchsite.sample.lock.SpinLock has no effect)
                group dev.patchsite.sample.trace.LockEvents
                  selected: default (fixed when the jar was linked in static mode;\
                 -Dpatchsite.select.dev.patchsite.sample.trace.LockEvents has no effect)
                """, result.out());
    }

    /** explain of a program without any group says so, instead of printing nothing. */
    @Test
    void explainOfAProgramWithoutGroupsSaysSo() throws IOException {
        Path plain = dir.resolve("plain.jar");
        try (OutputStream file = Files.newOutputStream(plain); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
        }
        Cli.Result result = Cli.run("explain", plain).assertClean(ExitCode.OK.code());
        assertEquals("no group: neither " + plain + " nor its class path declares a function, so nothing is"
                + " selected\n", result.out());
    }

    /** A jar that holds nothing of the program's patch sites is what link leaves it: copied unchanged. */
    @Test
    void aJarWithNothingToLinkIsAsLinkLeavesIt() throws IOException {
        Path plain = dir.resolve("plain.jar");
        try (OutputStream file = Files.newOutputStream(plain); ZipOutputStream out = new ZipOutputStream(file)) {
            out.putNextEntry(new ZipEntry("readme.txt"));
            out.write("nothing here".getBytes(StandardCharsets.UTF_8));
        }
        Cli.Result result = Cli.run("verify", plain).assertClean(ExitCode.OK.code());
        assertEquals("verified " + plain + ": nothing to link (no function, variant or site of the program in it)\n",
                result.out());
    }

    @Test
    void explainTellsTheOverrideAndTheSelection() {
        Cli.Result result = Cli.run("explain", SAMPLE, "--select", "dev.patchsite.sample.lock.SpinLock=numa");
        result.assertClean(ExitCode.OK.code());
        assertEquals("""
                group dev.patchsite.sample.lock.SpinLock
                  functions: slowpath(Ldev/patchsite/sample/lock/QLock;I)V, unlock(Ldev/patchsite/sample/lock/QLock;)V
                  variants: paravirt (priority 20, when dev.patchsite.sample.lock.HypervisorProbe), numa (priority 10, \
                when dev.patchsite.sample.lock.NumaProbe)
                  override: numa (the selection given to explain, as -Dpatchsite.select.dev.patchsite.sample.lock.\
                SpinLock would select it)
                  selected: numa (the selection given to explain)
                group dev.patchsite.sample.trace.LockEvents
                  functions: contendedRelease(Ldev/patchsite/sample/lock/QLock;)V (updatable)
                  variants: enabled (priority 0, only when selected)
                  override: none (-Dpatchsite.select.dev.patchsite.sample.trace.LockEvents is not set)
                  selected: default (no variant has a probe)
                """, result.out());
    }

    @Test
    void explainEvaluatesTheProbesOfALinkedJar() {
        Path linked = dir.resolve("boot.jar");
        Cli.run("link", SAMPLE, "-o", linked).assertClean(ExitCode.OK.code());
        String out = Cli.run("explain", linked).assertClean(ExitCode.OK.code()).out();
        // Which probe holds depends on the machine; that the highest-priority probe was evaluated does not.
        assertEquals(true, out.contains("  probe paravirt: dev.patchsite.sample.lock.HypervisorProbe "), out);
    }

    @Test
    void explainOfAnUnknownVariantListsTheKnownOnes() {
        Cli.Result result = Cli.run("explain", SAMPLE, "--select", "dev.patchsite.sample.lock.SpinLock=nope")
                .assertExit(ExitCode.VALIDATION.code());
        assertEquals(List.of("error: 1 problem in the selections:",
                "  patchsite: unknown variant \"nope\" of group dev.patchsite.sample.lock.SpinLock (selected by"
                        + " -Dpatchsite.select.dev.patchsite.sample.lock.SpinLock); known variants: default, numa,"
                        + " paravirt"), result.errLines());
    }

    /** Copies a jar, passing its embedded table through an edit. */
    private static void rewriteTable(Path from, Path to, java.util.function.UnaryOperator<String> edit)
            throws IOException {
        try (ZipFile in = new ZipFile(from.toFile());
                OutputStream file = Files.newOutputStream(to);
                ZipOutputStream out = new ZipOutputStream(file)) {
            for (ZipEntry entry : java.util.Collections.list(in.entries())) {
                out.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream data = in.getInputStream(entry)) {
                    byte[] bytes = data.readAllBytes();
                    if (entry.getName().equals("META-INF/patchsite/table")) {
                        bytes = edit.apply(new String(bytes, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                    }
                    out.write(bytes);
                }
                out.closeEntry();
            }
        }
    }
}
