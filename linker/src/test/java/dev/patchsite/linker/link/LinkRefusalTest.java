package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.cli.ExitCodes;
import dev.patchsite.linker.cli.Patchsite;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.testdata.BadInputs;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import picocli.CommandLine;

/**
 * {@code patchsite link} refuses what it cannot link as asked, with exit code 5 and one exact message, and leaves
 * nothing behind; what it can link, it links deterministically: signed jars, {@code --select} mistakes, class files
 * too old for the mode, an output that is the input, linking twice and linking a linked jar. Every run is the CLI in
 * this JVM ({@link Patchsite#commandLine()}) with its output captured; every input is a copy in a temporary
 * directory, checked byte for byte after each run.
 */
class LinkRefusalTest {

    private static final String LINKED_BOOT = "linked (boot mode): 3 functions, 20 sites: 1 default, 14 patch,"
            + " 3 trampoline:address, 2 trampoline:updatable\n";

    @TempDir
    Path tmp;

    private Path sample;
    private Path out;
    private final Map<Path, byte[]> inputs = new LinkedHashMap<>();

    @BeforeEach
    void copySample() throws IOException {
        sample = input(Files.copy(Samples.jar(Samples.SAMPLE), tmp.resolve("sample.jar")));
        out = Files.createDirectories(tmp.resolve("out"));
    }

    /** Invariant 5: never a changed input. */
    @AfterEach
    void inputsAreUnchanged() throws IOException {
        for (Map.Entry<Path, byte[]> input : inputs.entrySet()) {
            assertArrayEquals(input.getValue(), Files.readAllBytes(input.getKey()), input.getKey() + " changed");
        }
    }

    // ---- signed jars

    @Test
    void signedJarIsRefused() throws IOException {
        Path signed = input(signedCopy(tmp.resolve("signed.jar")));

        Result result = link(signed, "-o", out.resolve("linked.jar"));

        result.assertRefused("error: " + signed + " is signed (META-INF/TEST.SF); linking changes its classes, so its"
                + " signature would no longer verify. Pass --strip-signatures to drop the signatures, and sign the"
                + " linked jar again if it must be signed");
    }

    @Test
    void stripSignaturesLinksTheJarWithoutItsSignatures() throws IOException {
        Path signed = input(signedCopy(tmp.resolve("signed.jar")));
        Path linked = out.resolve("linked.jar");

        link(signed, "-o", linked, "--strip-signatures").assertOk(LINKED_BOOT);

        List<String> names = LinkTestFiles.entryNames(linked);
        assertFalse(names.contains("META-INF/TEST.SF"), names::toString);
        assertFalse(names.contains("META-INF/TEST.RSA"), names::toString);
        String manifest = new String(LinkTestFiles.entry(linked, "META-INF/MANIFEST.MF"), StandardCharsets.UTF_8);
        assertFalse(manifest.contains("Digest"), manifest);
        assertFalse(manifest.contains("Name: "), "the digest's section is left empty, so dropped: " + manifest);
        assertTrue(manifest.contains("Main-Class: dev.patchsite.sample.app.Main"), manifest);
        assertTrue(manifest.contains("Launcher-Agent-Class: dev.patchsite.runtime.Agent"), manifest);

        // Apart from the manifest, the same jar as the unsigned one linked.
        Path unsigned = out.resolve("unsigned.jar");
        link(sample, "-o", unsigned).assertOk(LINKED_BOOT);
        Map<String, byte[]> expected = LinkTestFiles.entries(unsigned);
        Map<String, byte[]> actual = LinkTestFiles.entries(linked);
        expected.remove("META-INF/MANIFEST.MF");
        actual.remove("META-INF/MANIFEST.MF");
        assertEquals(expected.keySet().stream().toList(), actual.keySet().stream().toList());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    // ---- --select

    @Test
    void selectOfAnUnknownVariantListsTheKnownOnes() {
        link(sample, "-o", out.resolve("linked.jar"), "--mode", "static", "--select",
                "dev.patchsite.sample.lock.SpinLock=nope")
                .assertRefused("error: --select dev.patchsite.sample.lock.SpinLock=nope: unknown variant \"nope\";"
                        + " known variants: default, numa, paravirt");
    }

    @Test
    void selectOfAnUnknownGroupListsTheGroups() {
        link(sample, "-o", out.resolve("linked.jar"), "--mode", "static", "--select", "com.example.Nope=fast")
                .assertRefused("error: --select com.example.Nope=fast: com.example.Nope is not a group of this"
                        + " program; its groups are: dev.patchsite.sample.lock.SpinLock,"
                        + " dev.patchsite.sample.trace.LockEvents");
    }

    @Test
    void selectNeedsStaticMode() {
        link(sample, "-o", out.resolve("linked.jar"), "--select", "dev.patchsite.sample.lock.SpinLock=numa")
                .assertRefused("error: --select fixes a group's variant at link time, which only --mode static does;"
                        + " in boot mode, select at run time with -Dpatchsite.select.<group>=<variant>");
        link(sample, "-o", out.resolve("linked.jar"), "--mode", "indy", "--select",
                "dev.patchsite.sample.lock.SpinLock=numa")
                .assertRefused("error: --select fixes a group's variant at link time, which only --mode static does;"
                        + " in indy mode, select at run time with -Dpatchsite.select.<group>=<variant>");
    }

    /**
     * A jar linked in static mode is copied unchanged when linked again in static mode, whatever {@code --select}
     * asks: the table does not record the static selections, and the selections are not checked before the copy.
     */
    @Test
    void relinkingAStaticJarWithAnotherSelectionIsRefused() throws IOException {
        Path paravirt = out.resolve("paravirt.jar");
        link(sample, "-o", paravirt, "--mode", "static", "--select", "dev.patchsite.sample.lock.SpinLock=paravirt")
                .assertExit(ExitCodes.OK);
        input(paravirt);

        link(paravirt, "-o", out.resolve("numa.jar"), "--mode", "static", "--select",
                "dev.patchsite.sample.lock.SpinLock=numa").assertExit(ExitCodes.LINK);
        link(paravirt, "-o", out.resolve("nope.jar"), "--mode", "static", "--select",
                "dev.patchsite.sample.lock.SpinLock=nope").assertExit(ExitCodes.LINK);
        link(paravirt, "-o", out.resolve("boot.jar"), "--select", "dev.patchsite.sample.lock.SpinLock=numa")
                .assertExit(ExitCodes.LINK);
    }

    /** A static link fixes selections: linking against one with other selections, or in another mode, is refused. */
    @Test
    void aClassPathJarLinkedStaticWithOtherSelectionsIsRefused() throws IOException {
        Path library = input(Files.copy(Samples.jar(Samples.SAMPLE_LIB), tmp.resolve("lib.jar")));
        Path application = input(Files.copy(Samples.jar(Samples.SAMPLE_APP), tmp.resolve("app.jar")));
        Path staticLibrary = out.resolve("lib-static.jar");
        link(library, "-o", staticLibrary, "--mode", "static", "--select", "dev.patchsite.sample.lock.SpinLock=numa")
                .assertExit(ExitCodes.OK);

        link(application, "--classpath", staticLibrary, "-o", out.resolve("app.jar"))
                .assertRefused("error: " + staticLibrary + " is linked as \"static"
                        + " dev.patchsite.sample.lock.SpinLock=numa\" and this link is \"boot\": a static link fixes"
                        + " each group's selection, so the program would run two selections of a group; link every"
                        + " jar of the program in static mode with the same selections, or none of them");
        link(application, "--classpath", staticLibrary, "-o", out.resolve("app.jar"), "--mode", "static",
                "--select", "dev.patchsite.sample.lock.SpinLock=paravirt").assertExit(ExitCodes.LINK);
        link(application, "--classpath", staticLibrary, "-o", out.resolve("app.jar"), "--mode", "static",
                "--select", "dev.patchsite.sample.lock.SpinLock=numa").assertExit(ExitCodes.OK);
    }

    // ---- class files too old for the mode

    /** A caller of version 50 cannot hold an invokedynamic: in indy mode its site stays on the trampoline. */
    @Test
    void oldCallerStaysOnTheTrampolineInIndyMode() throws IOException {
        Path classes = tmp.resolve("old-classes");
        BadInputs.oldClassCallingFunction(classes, "old/Caller");
        Map<String, byte[]> entries = new LinkedHashMap<>(LinkTestFiles.entries(sample));
        entries.put("old/Caller.class", Files.readAllBytes(classes.resolve("old/Caller.class")));
        Path withOld = input(zip(entries, tmp.resolve("with-old.jar")));
        Path linked = out.resolve("linked.jar");

        link(withOld, "-o", linked, "--mode", "indy").assertOk("linked (indy mode): 3 functions, 21 sites: 1 default,"
                + " 16 indy, 3 trampoline:address, 1 trampoline:version\n");

        PatchSiteTable table = LinkTestFiles.linkedTable(linked);
        List<String> old = new ArrayList<>();
        for (Site site : table.sites()) {
            if (site.caller().owner().equals("old/Caller")) {
                old.add(site.caller().name() + " " + site.functionId() + " " + site.binding().label());
            }
        }
        assertEquals(List.of("run dev.patchsite.sample.lock.SpinLock.slowpath(Ldev/patchsite/sample/lock/QLock;I)V"
                + " trampoline:version"), old);
        assertArrayEquals(Files.readAllBytes(classes.resolve("old/Caller.class")),
                LinkTestFiles.entry(linked, "old/Caller.class"), "a site left on the trampoline leaves its class as is");
    }

    /** A group of version 50 cannot host a trampoline (it needs invokedynamic), except in static mode. */
    @Test
    void oldGroupIsRefusedExceptInStaticMode() throws IOException {
        Path jar = input(zip(Map.of("old/OldGroup.class", oldGroup(), "old/UseOld.class", oldGroupCaller()),
                tmp.resolve("old-group.jar")));
        String refusal = "error: " + jar + "!/old/OldGroup.class: class file version 50 (Java 6) is too old to host"
                + " a trampoline, which needs invokedynamic (version 51, Java 7); recompile old.OldGroup for Java 7 or"
                + " later, or link with --mode static";

        link(jar, "-o", out.resolve("boot.jar")).assertRefused(refusal);
        link(jar, "-o", out.resolve("indy.jar"), "--mode", "indy").assertRefused(refusal);
        Path linked = out.resolve("static.jar");
        link(jar, "-o", linked, "--mode", "static").assertOk("linked (static mode): 1 function, 1 site: 1 direct\n");
        assertNotNull(LinkTestFiles.entry(linked, "old/OldGroup.class"));
    }

    // ---- outputs

    @Test
    void outputThatIsTheInputIsRefused() {
        link(sample, "-o", sample).assertRefused("error: " + sample + " is also an input; patchsite never modifies"
                + " its inputs: write the output elsewhere and move it if you must");
        Path sameFile = tmp.resolve("out/../sample.jar");
        link(sample, "-o", sameFile).assertRefused("error: " + sameFile + " is also an input (" + sample + ");"
                + " patchsite never modifies its inputs: write the output elsewhere and move it if you must");
    }

    /** Invariant 5: same inputs, same bytes, in every mode. */
    @Test
    void linkingTwiceGivesTheSameBytes() throws IOException {
        for (String[] mode : List.of(new String[] {"--mode", "boot"}, new String[] {"--mode", "indy"},
                new String[] {"--mode", "static", "--select", "dev.patchsite.sample.lock.SpinLock=paravirt",
                    "--select", "dev.patchsite.sample.trace.LockEvents=enabled"})) {
            Path first = out.resolve(mode[1] + "-1.jar");
            Path second = out.resolve(mode[1] + "-2.jar");
            link(sample, "-o", first, mode).assertExit(ExitCodes.OK);
            link(sample, "-o", second, mode, "--threads", "1").assertExit(ExitCodes.OK);
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), mode[1]);
        }
    }

    /** Invariant 5: linking a linked jar changes nothing; in another mode, it is refused. */
    @Test
    void linkingALinkedJarChangesNothing() throws IOException {
        for (String mode : List.of("boot", "indy", "static")) {
            Path linked = out.resolve(mode + ".jar");
            link(sample, "-o", linked, "--mode", mode).assertExit(ExitCodes.OK);
            input(linked);
            Path again = out.resolve(mode + "-again.jar");

            Result result = link(linked, "-o", again, "--mode", mode);

            result.assertExit(ExitCodes.OK);
            assertEquals("", result.err());
            assertArrayEquals(Files.readAllBytes(linked), Files.readAllBytes(again), mode);
        }
        link(out.resolve("boot.jar"), "-o", out.resolve("indy-from-boot.jar"), "--mode", "indy")
                .assertRefused("error: " + out.resolve("boot.jar") + " is already linked (boot); link the jar it was"
                        + " linked from to link it as indy");
    }

    // ---- helpers

    private Path input(Path file) throws IOException {
        inputs.put(file, Files.readAllBytes(file));
        return file;
    }

    /** Runs {@code patchsite link INPUT ARGS...}, flattening arrays among the arguments. */
    private Result link(Path input, Object... args) {
        List<String> command = new ArrayList<>(List.of("link", input.toString()));
        for (Object arg : args) {
            if (arg instanceof String[] array) {
                command.addAll(Arrays.asList(array));
            } else {
                command.add(String.valueOf(arg));
            }
        }
        StringWriter stdout = new StringWriter();
        StringWriter stderr = new StringWriter();
        CommandLine commandLine = Patchsite.commandLine();
        commandLine.setOut(new PrintWriter(stdout, true));
        commandLine.setErr(new PrintWriter(stderr, true));
        Path output = Path.of(command.get(command.indexOf("-o") + 1));
        boolean existed = Files.exists(output);
        int exitCode = commandLine.execute(command.toArray(String[]::new));
        return new Result(String.join(" ", command), exitCode,
                stdout.toString().replace(System.lineSeparator(), "\n"),
                stderr.toString().replace(System.lineSeparator(), "\n"), output, existed);
    }

    /**
     * What one run of the command did.
     *
     * @param command the command line, for messages
     * @param exitCode the exit code
     * @param out standard output
     * @param err standard error
     * @param output the {@code -o} path
     * @param outputExisted whether it existed before the run
     */
    private record Result(String command, int exitCode, String out, String err, Path output, boolean outputExisted) {

        Result assertExit(int expected) {
            assertEquals(expected, exitCode, () -> command + "\nstdout:\n" + out + "\nstderr:\n" + err);
            return this;
        }

        /** Asserts success with exactly this summary on standard output and nothing on standard error. */
        void assertOk(String summary) {
            assertExit(ExitCodes.OK);
            assertEquals(summary, out, command);
            assertEquals("", err, command);
        }

        /**
         * Asserts exit code 5 with exactly this one line on standard error, nothing on standard output, and no output
         * file where there was none.
         */
        void assertRefused(String message) {
            assertExit(ExitCodes.LINK);
            assertEquals(message + "\n", err, command);
            assertEquals("", out, command);
            assertEquals(outputExisted, Files.exists(output), () -> command + ": a refusal wrote " + output);
        }
    }

    /** Invariant 5: written atomically, so no temporary file is left in the output directory. */
    @AfterEach
    void noTemporaryFileIsLeftBehind() throws IOException {
        try (Stream<Path> files = Files.list(out)) {
            for (Path file : files.toList()) {
                String name = file.getFileName().toString();
                assertTrue(!name.startsWith(".") && name.endsWith(".jar"), "left behind: " + file);
            }
        }
    }

    /**
     * Returns a copy of the sample made to look signed: {@code META-INF/TEST.SF} and {@code META-INF/TEST.RSA} right
     * after the manifest, and a per-entry digest section in the manifest, as {@code jarsigner} leaves them.
     */
    private Path signedCopy(Path target) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> entry : LinkTestFiles.entries(sample).entrySet()) {
            if (entry.getKey().equals("META-INF/MANIFEST.MF")) {
                String manifest = new String(entry.getValue(), StandardCharsets.UTF_8).stripTrailing()
                        .replace("\r\n", "\n").replace("\n", "\r\n")
                        + "\r\n\r\nName: dev/patchsite/sample/app/Main.class\r\n"
                        + "SHA-256-Digest: 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\r\n\r\n";
                entries.put(entry.getKey(), manifest.getBytes(StandardCharsets.UTF_8));
                entries.put("META-INF/TEST.SF", ("Signature-Version: 1.0\r\nSHA-256-Digest-Manifest:"
                        + " 47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=\r\n\r\n").getBytes(StandardCharsets.UTF_8));
                entries.put("META-INF/TEST.RSA", new byte[] {0x30, (byte) 0x82, 0x01, 0x00});
            } else {
                entries.put(entry.getKey(), entry.getValue());
            }
        }
        return zip(entries, target);
    }

    /** Writes entries into a zip file in the map's order (directories as the names say), with a fixed time. */
    private static Path zip(Map<String, byte[]> entries, Path target) throws IOException {
        try (OutputStream file = Files.newOutputStream(target); ZipOutputStream zip = new ZipOutputStream(file)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                zipEntry.setTime(1_700_000_000_000L);
                zip.putNextEntry(zipEntry);
                zip.write(entry.getValue());
                zip.closeEntry();
            }
        }
        return target;
    }

    /** A version-50 group: {@code old.OldGroup} with {@code @RuntimeStatic public static int answer()}. */
    private static byte[] oldGroup() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_6, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "old/OldGroup", null,
                "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "answer", "()I", null,
                null);
        method.visitAnnotation("Ldev/patchsite/RuntimeStatic;", false).visitEnd();
        method.visitCode();
        method.visitIntInsn(Opcodes.BIPUSH, 42);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(1, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }

    /** A version-52 caller of {@code OldGroup.answer()}. */
    private static byte[] oldGroupCaller() {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V1_8, Opcodes.ACC_PUBLIC | Opcodes.ACC_FINAL | Opcodes.ACC_SUPER, "old/UseOld", null,
                "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "call", "()I", null, null);
        method.visitCode();
        method.visitMethodInsn(Opcodes.INVOKESTATIC, "old/OldGroup", "answer", "()I", false);
        method.visitInsn(Opcodes.IRETURN);
        method.visitMaxs(1, 0);
        method.visitEnd();
        writer.visitEnd();
        return writer.toByteArray();
    }
}
