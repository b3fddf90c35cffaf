package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.testdata.BadInputs;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Malformed and hostile class files (issue 9) through every command that reads classes: each gives exit 3 and one
 * line naming the input, the entry and what is wrong (never ASM's own words), no stack trace, and leaves the input
 * as it was; a class that is valid but that linking cannot rewrite (a full constant pool, dynamic constants ASM will
 * not read) keeps its sites on their trampolines, with a warning. Inputs that once took minutes (a dynamic constant
 * reached by 64^7 paths, a line-number walk sent backwards) are bounded by construction; the {@code @Timeout}s are
 * guards only.
 */
class HostileClassFilesTest {

    @TempDir
    Path tmp;

    @Test
    void classConstantWithItsNameIndexOutOfRangeInAJar() throws IOException {
        Path jar = BadInputs.badPoolIndexJar(tmp.resolve("bad-index.jar"));
        String message = jar + "!/bad/BadIndex.class: malformed class file: constant pool index 999 out of range"
                + " (1 to 14), where a Utf8 entry should be";
        assertRefusedByEveryCommand(jar, message);
    }

    @Test
    void classConstantWithItsNameIndexOutOfRangeInADirectory() throws IOException {
        Path dir = BadInputs.badPoolIndexDir(tmp.resolve("bad-index"));
        String message = dir.resolve("bad/BadIndex.class") + ": malformed class file: constant pool index 999 out of"
                + " range (1 to 14), where a Utf8 entry should be";
        assertRefused(dir, message, List.of("scan", dir));
        assertRefused(dir, message, List.of("diff", dir, Samples.jar(Samples.SAMPLE)));
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dynamicConstantReachedByManyPathsIsFollowedOncePerConstant() throws IOException {
        Path jar = BadInputs.condyChainJar(tmp.resolve("condy-chain.jar"), 8, 64);
        assertOneLdcSiteLeftOnItsTrampoline(jar, "bad.CondyChain");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void dynamicConstantAmongItsOwnArgumentsIsFollowedOnce() throws IOException {
        Path jar = BadInputs.condySelfJar(tmp.resolve("condy-self.jar"));
        assertOneLdcSiteLeftOnItsTrampoline(jar, "bad.CondySelf");
    }

    /**
     * Scans the jar (one {@code ldc} site, the handle counted once however many paths reach it) and links it in
     * each mode: ASM will not read a dynamic constant this large, so the class stays as it is, its site on its
     * trampoline ({@code address}) with a warning, and {@code verify} accepts the output.
     */
    private void assertOneLdcSiteLeftOnItsTrampoline(Path jar, String className) throws IOException {
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        Map<String, String> before = TestFiles.snapshot(jar);
        Cli.Result result = Cli.run("scan", lib, jar).assertExit(0);
        List<String> sites = result.out().lines().filter(line -> line.contains(" " + className + ".")).toList();
        assertEquals(List.of("site dev.patchsite.sample.lock.SpinLock.slowpath(Ldev/patchsite/sample/lock/QLock;I)V "
                + className + ".run()V #0 ldc line=0 offset=0"), sites);
        for (String mode : List.of("boot", "indy", "static")) {
            Path out = tmp.resolve(mode + "-linked.jar");
            Cli.Result linked = Cli.run("link", jar, "--classpath", lib, "--mode", mode, "-o", out).assertExit(0)
                    .assertNoStackTrace();
            assertTrue(linked.errLines().contains("warning: " + jar + "!/" + className.replace('.', '/') + ".class:"
                    + " its dynamic constants nest too deep or too wide to be rewritten; its sites are left as they"
                    + " are, on their trampolines"), linked.err());
            Cli.run("verify", out, "--classpath", lib).assertExit(0);
        }
        assertEquals(before, TestFiles.snapshot(jar), "the input changed");
    }

    @Test
    @Timeout(value = 60, unit = TimeUnit.SECONDS)
    void attributeOfNegativeLengthInACodeAttributeIsRefused() throws IOException {
        Path jar = BadInputs.negativeAttributeLengthJar(tmp.resolve("lines.jar"));
        String message = jar + "!/bad/Lines.class: malformed class file: method"
                + " run(Ldev/patchsite/sample/lock/QLock;I)V: attribute of a Code attribute runs past its end";
        for (List<Object> command : commandsWithTheLibrary(jar)) {
            assertRefused(jar, message, command);
        }
    }

    @Test
    void classWhoseConstantPoolIsFullKeepsItsSitesOnTheirTrampolines() throws IOException {
        Path jar = BadInputs.fullPoolJar(tmp.resolve("full-pool.jar"));
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        Map<String, String> before = TestFiles.snapshot(jar);
        for (String mode : List.of("boot", "indy")) {
            Path out = tmp.resolve(mode + "-linked.jar");
            Cli.Result linked = Cli.run("link", jar, "--classpath", lib, "--mode", mode, "-o", out).assertExit(0)
                    .assertNoStackTrace();
            String limit = mode.equals("boot") ? "the constant pool is full (65,535 entries)"
                    : "its constant pool would be full";
            assertTrue(linked.errLines().contains("warning: " + jar + "!/bad/FullPool.class: " + limit + "; its sites"
                    + " are left as they are, on their trampolines"), linked.err());
            Cli.Result table = Cli.run("scan", lib, out).assertExit(0);
            Cli.run("verify", out, "--classpath", lib).assertExit(0);
            try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(out.toFile())) {
                String embedded = new String(zip.getInputStream(zip.getEntry("META-INF/patchsite/table"))
                        .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
                assertTrue(embedded.contains(" bad.FullPool.run(Ldev/patchsite/sample/lock/QLock;I)V #0 invoke line=0"
                        + " offset=2 bind=trampoline:size"), embedded);
            }
            assertTrue(table.out().contains(" bad.FullPool.run("), table.out());
        }
        assertEquals(before, TestFiles.snapshot(jar), "the input changed");
    }

    @Test
    void classAsmCannotReadIsRefusedInOurWords() throws IOException {
        Path jar = BadInputs.reservedFrameTypeJar(tmp.resolve("frames.jar"));
        String message = jar + "!/bad/Frames.class: cannot link: method run()V: malformed class file (the bytecode"
                + " reader stopped at a structure it could not read)";
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        for (String mode : List.of("boot", "indy", "static")) {
            assertRefused(jar, message, List.of("link", jar, "--classpath", lib, "--mode", mode, "-o",
                    tmp.resolve("out-" + mode + ".jar")));
        }
    }

    @Test
    void entryHoldingAClassOfAnotherNameIsRefused() throws IOException {
        Path jar = BadInputs.misnamedEntryJar(tmp.resolve("misnamed.jar"));
        String message = jar + "!/x/Other.class: holds class x.Good, which belongs in x/Good.class";
        assertRefusedByEveryCommand(jar, message);
    }

    @Test
    void entryNameWithANulIsRefused() throws IOException {
        Path jar = BadInputs.nulNamedEntryJar(tmp.resolve("nul.jar"));
        String message = jar + "!/x/Nul\\0.class: entry name holds a NUL character";
        assertRefusedByEveryCommand(jar, message);
    }

    @Test
    void classFileLinkedFromOutsideADirectoryInputIsRefused() throws IOException {
        Path dir = BadInputs.badMagicClassDir(tmp.resolve("classes"));
        Files.delete(dir.resolve("x/Bad.class"));
        Path outside = BadInputs.badMagicClassDir(tmp.resolve("outside")).resolve("x/Bad.class");
        Path link = Files.createSymbolicLink(dir.resolve("x/Bad.class"), outside);
        String message = link + ": a symbolic link to " + outside.toRealPath() + ", outside " + dir + "; refused (a"
                + " directory input is read only inside itself)";
        assertRefused(dir, message, List.of("scan", dir));
        assertRefused(dir, message, List.of("diff", dir, Samples.jar(Samples.SAMPLE)));
    }

    @Test
    void classFileLinkedFromInsideADirectoryInputIsRead() throws IOException {
        Path dir = BadInputs.badMagicClassDir(tmp.resolve("classes"));
        Files.delete(dir.resolve("x/Bad.class"));
        Path copy = dir.resolve("META-INF/versions/11/x/Good.class");
        Files.createDirectories(copy.getParent());
        Files.createSymbolicLink(copy, copy.getParent().relativize(dir.resolve("x/Good.class")));
        Cli.run("scan", dir).assertClean(0);
    }

    /** Asserts that scan, link in each mode, explain and diff of the input alone each refuse it. */
    private void assertRefusedByEveryCommand(Path input, String message) throws IOException {
        for (List<Object> command : everyCommand(input)) {
            assertRefused(input, message, command);
        }
    }

    private List<List<Object>> everyCommand(Path input) {
        List<List<Object>> commands = new ArrayList<>();
        commands.add(List.of("scan", input));
        for (String mode : List.of("boot", "indy", "static")) {
            commands.add(List.of("link", input, "--mode", mode, "-o", tmp.resolve("out-" + mode + ".jar")));
        }
        commands.add(List.of("explain", input));
        commands.add(List.of("diff", Samples.jar(Samples.SAMPLE), input));
        return commands;
    }

    /** Scan and link in each mode, with the library that declares the functions the input calls. */
    private List<List<Object>> commandsWithTheLibrary(Path input) {
        Path lib = Samples.jar(Samples.SAMPLE_LIB);
        List<List<Object>> commands = new ArrayList<>();
        commands.add(List.of("scan", lib, input));
        for (String mode : List.of("boot", "indy", "static")) {
            commands.add(List.of("link", input, "--classpath", lib, "--mode", mode, "-o",
                    tmp.resolve("out-" + mode + ".jar")));
        }
        return commands;
    }

    private void assertRefused(Path input, String message, List<Object> command) throws IOException {
        Map<String, String> before = TestFiles.snapshot(input);
        Cli.Result result = Cli.run(command.toArray()).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        // Warnings about other inputs (a library linked nowhere) may come first; the error is the one line left.
        assertEquals(List.of("error: " + message), result.errLines().stream()
                .filter(line -> !line.startsWith("warning: ")).toList(), command.toString());
        assertEquals(before, TestFiles.snapshot(input), "the input changed: " + command);
        for (String mode : List.of("boot", "indy", "static")) {
            assertFalse(Files.exists(tmp.resolve("out-" + mode + ".jar")), "an output was written: " + command);
        }
        assertTrue(result.out().isEmpty(), command.toString());
    }
}
