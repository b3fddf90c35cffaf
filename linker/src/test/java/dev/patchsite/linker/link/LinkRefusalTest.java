package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.Vocabulary.Setting;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableSummary;
import dev.patchsite.testdata.BadInputs;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
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

/**
 * {@link Linker#link} refuses what it cannot link as asked, with a {@link LinkException} of one exact message and no
 * warning, and leaves nothing behind; what it can link, it links deterministically: signed jars, selection mistakes,
 * class files too old for the mode, an output that is the input, linking twice and linking a linked jar. Every input
 * is a copy in a temporary directory, checked byte for byte after each run.
 */
class LinkRefusalTest {

    private static final String LINKED_BOOT = "boot: 3 functions, 20 sites: 1 default, 16 patch,"
            + " 3 trampoline:address";
    private static final String SPIN_LOCK = "dev.patchsite.sample.lock.SpinLock";

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

        Result result = link(signed, out.resolve("linked.jar"));

        result.assertRefused(signed + " is signed (META-INF/TEST.SF); linking changes its classes, so its"
                + " signature would no longer verify. Pass --strip-signatures to drop the signatures, and sign the"
                + " linked jar again if it must be signed");
    }

    @Test
    void stripSignaturesLinksTheJarWithoutItsSignatures() throws IOException {
        Path signed = input(signedCopy(tmp.resolve("signed.jar")));
        Path linked = out.resolve("linked.jar");

        LinkRequest request = LinkRequest.of(signed, linked);
        link(new LinkRequest(request.inputs(), request.classpath(), request.outputs(), request.mode(),
                request.selections(), null, request.threads(), true, true, request.log())).assertOk(LINKED_BOOT);

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
        link(sample, unsigned).assertOk(LINKED_BOOT);
        Map<String, byte[]> expected = LinkTestFiles.entries(unsigned);
        Map<String, byte[]> actual = LinkTestFiles.entries(linked);
        expected.remove("META-INF/MANIFEST.MF");
        actual.remove("META-INF/MANIFEST.MF");
        assertEquals(expected.keySet().stream().toList(), actual.keySet().stream().toList());
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), actual.get(name), name);
        }
    }

    // ---- selections

    @Test
    void selectOfAnUnknownVariantListsTheKnownOnes() {
        link(sample, out.resolve("linked.jar"), LinkMode.STATIC, Map.of(SPIN_LOCK, "nope"))
                .assertRefused("--select dev.patchsite.sample.lock.SpinLock=nope: unknown variant \"nope\";"
                        + " known variants: default, numa, paravirt");
    }

    @Test
    void selectOfAnUnknownGroupListsTheGroups() {
        link(sample, out.resolve("linked.jar"), LinkMode.STATIC, Map.of("com.example.Nope", "fast"))
                .assertRefused("--select com.example.Nope=fast: com.example.Nope is not a group of this"
                        + " program; its groups are: dev.patchsite.sample.lock.SpinLock,"
                        + " dev.patchsite.sample.trace.LockEvents");
    }

    /** A class of the program already has the name of a group's holder: its trampolines would read the wrong class. */
    @Test
    void aClassNamedAsAGroupsHolderIsRefused() throws IOException {
        Path classes = LinkTestFiles.compile(tmp.resolve("clash"), Map.of(SPIN_LOCK + "$patchsite",
                "package dev.patchsite.sample.lock; final class SpinLock$patchsite { }"));
        Map<String, byte[]> entries = new LinkedHashMap<>(LinkTestFiles.entries(sample));
        entries.remove("META-INF/MANIFEST.MF");
        String holder = "dev/patchsite/sample/lock/SpinLock$patchsite.class";
        entries.put(holder, Files.readAllBytes(classes.resolve(holder)));
        Path clash = input(LinkTestFiles.jar(entries, tmp.resolve("clash.jar"), "dev.patchsite.sample.app.Main"));

        link(clash, out.resolve("linked.jar")).assertRefused(clash + ": it has a class"
                + " dev.patchsite.sample.lock.SpinLock$patchsite, the name patchsite gives the holder of group"
                + " dev.patchsite.sample.lock.SpinLock's trampolines; rename that class");
    }

    @Test
    void selectNeedsStaticMode() {
        link(sample, out.resolve("linked.jar"), LinkMode.BOOT, Map.of(SPIN_LOCK, "numa"))
                .assertRefused("--select fixes a group's variant at link time, which only --mode static does;"
                        + " in boot mode, select at run time with -Dpatchsite.select.<group>=<variant>");
        link(sample, out.resolve("linked.jar"), LinkMode.INDY, Map.of(SPIN_LOCK, "numa"))
                .assertRefused("--select fixes a group's variant at link time, which only --mode static does;"
                        + " in indy mode, select at run time with -Dpatchsite.select.<group>=<variant>");
    }

    /** A front-end's user reads the refusal in the words they set the link with, not in the command line's. */
    @Test
    void aRefusalNamesTheSettingsInTheFrontEndsWords() {
        Vocabulary pom = new Vocabulary() {
            @Override
            public String name(Setting setting) {
                return "<" + setting.name().toLowerCase(java.util.Locale.ROOT) + ">";
            }

            @Override
            public String setting(Setting setting, String value) {
                return name(setting) + value;
            }
        };
        PatchsiteLog log = new PatchsiteLog() {
            @Override
            public void warn(String message) {
            }

            @Override
            public void info(String message) {
            }

            @Override
            public Vocabulary vocabulary() {
                return pom;
            }
        };
        LinkRequest request = LinkRequest.of(sample, out.resolve("linked.jar"));
        // Through Linker itself: CoreRun records the log in place of the request's, and its words with it.
        assertEquals("<select> fixes a group's variant at link time, which only <mode>static does; in boot mode,"
                + " select at run time with -Dpatchsite.select.<group>=<variant>",
                assertThrows(LinkException.class, () -> Linker.link(new LinkRequest(request.inputs(),
                        request.classpath(), request.outputs(), LinkMode.BOOT, Map.of(SPIN_LOCK, "numa"), null,
                        request.threads(), false, true, log))).getMessage());
        assertEquals("<select>" + SPIN_LOCK + "=nope: unknown variant \"nope\"; known variants: default, numa,"
                + " paravirt", assertThrows(LinkException.class, () -> Linker.link(new LinkRequest(request.inputs(),
                        request.classpath(), request.outputs(), LinkMode.STATIC, Map.of(SPIN_LOCK, "nope"), null,
                        request.threads(), false, true, log))).getMessage());
        assertFalse(Files.exists(out.resolve("linked.jar")));
    }

    /**
     * A jar linked in static mode is copied unchanged when linked again in static mode, whatever {@code --select}
     * asks: the table does not record the static selections, and the selections are not checked before the copy.
     */
    @Test
    void relinkingAStaticJarWithAnotherSelectionIsRefused() throws IOException {
        Path paravirt = out.resolve("paravirt.jar");
        link(sample, paravirt, LinkMode.STATIC, Map.of(SPIN_LOCK, "paravirt")).outcome().assertOk();
        input(paravirt);

        link(paravirt, out.resolve("numa.jar"), LinkMode.STATIC, Map.of(SPIN_LOCK, "numa")).outcome()
                .assertFails(LinkException.class);
        link(paravirt, out.resolve("nope.jar"), LinkMode.STATIC, Map.of(SPIN_LOCK, "nope")).outcome()
                .assertFails(LinkException.class);
        link(paravirt, out.resolve("boot.jar"), LinkMode.BOOT, Map.of(SPIN_LOCK, "numa")).outcome()
                .assertFails(LinkException.class);
    }

    /** A static link fixes selections: linking against one with other selections, or in another mode, is refused. */
    @Test
    void aClassPathJarLinkedStaticWithOtherSelectionsIsRefused() throws IOException {
        Path library = input(Files.copy(Samples.jar(Samples.SAMPLE_LIB), tmp.resolve("lib.jar")));
        Path application = input(Files.copy(Samples.jar(Samples.SAMPLE_APP), tmp.resolve("app.jar")));
        Path staticLibrary = out.resolve("lib-static.jar");
        link(library, staticLibrary, LinkMode.STATIC, Map.of(SPIN_LOCK, "numa")).outcome().assertOk();

        link(application, out.resolve("app.jar"), LinkMode.BOOT, Map.of(), staticLibrary)
                .assertRefused(staticLibrary + " is linked as \"static"
                        + " dev.patchsite.sample.lock.SpinLock=numa\" and this link is \"boot\": a static link fixes"
                        + " each group's selection, so the program would run two selections of a group; link every"
                        + " jar of the program in static mode with the same selections, or none of them");
        link(application, out.resolve("app.jar"), LinkMode.STATIC, Map.of(SPIN_LOCK, "paravirt"), staticLibrary)
                .outcome().assertFails(LinkException.class);
        link(application, out.resolve("app.jar"), LinkMode.STATIC, Map.of(SPIN_LOCK, "numa"), staticLibrary)
                .outcome().assertOk();
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

        link(withOld, linked, LinkMode.INDY, Map.of()).assertOk("indy: 3 functions, 21 sites: 1 default,"
                + " 16 indy, 3 trampoline:address, 1 trampoline:version");

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
        Path jar = input(zip(Map.of("old/OldGroup.class", OldGroup.bytes(Opcodes.V1_6), "old/UseOld.class",
                oldGroupCaller()), tmp.resolve("old-group.jar")));
        String refusal = jar + "!/old/OldGroup.class: class file version 50 (Java 6) is too old to host"
                + " a trampoline, which needs invokedynamic (version 51, Java 7); recompile old.OldGroup for Java 7 or"
                + " later, or link with --mode static";

        link(jar, out.resolve("boot.jar")).assertRefused(refusal);
        link(jar, out.resolve("indy.jar"), LinkMode.INDY, Map.of()).assertRefused(refusal);
        Path linked = out.resolve("static.jar");
        link(jar, linked, LinkMode.STATIC, Map.of()).assertOk("static: 1 function, 1 site: 1 direct");
        assertNotNull(LinkTestFiles.entry(linked, "old/OldGroup.class"));
    }

    // ---- outputs

    @Test
    void outputThatIsTheInputIsRefused() {
        link(sample, sample).assertRefused(sample + " is also an input; patchsite never modifies"
                + " its inputs: write the output elsewhere and move it if you must");
        Path sameFile = tmp.resolve("out/../sample.jar");
        link(sample, sameFile).assertRefused(sameFile + " is also an input (" + sample + ");"
                + " patchsite never modifies its inputs: write the output elsewhere and move it if you must");
    }

    /** Invariant 5: same inputs, same bytes, in every mode. */
    @Test
    void linkingTwiceGivesTheSameBytes() throws IOException {
        for (LinkMode mode : LinkMode.values()) {
            Map<String, String> selections = mode == LinkMode.STATIC ? Map.of(SPIN_LOCK, "paravirt",
                    "dev.patchsite.sample.trace.LockEvents", "enabled") : Map.of();
            Path first = out.resolve(mode.label() + "-1.jar");
            Path second = out.resolve(mode.label() + "-2.jar");
            link(sample, first, mode, selections).outcome().assertOk();
            LinkRequest oneThread = new LinkRequest(List.of(sample), List.of(), List.of(second), mode, selections,
                    null, 1, false, true, PatchsiteLog.SILENT);
            link(oneThread).outcome().assertOk();
            assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second), mode.label());
        }
    }

    /** Invariant 5: linking a linked jar changes nothing; in another mode, it is refused. */
    @Test
    void linkingALinkedJarChangesNothing() throws IOException {
        for (LinkMode mode : LinkMode.values()) {
            Path linked = out.resolve(mode.label() + ".jar");
            link(sample, linked, mode, Map.of()).outcome().assertOk();
            input(linked);
            Path again = out.resolve(mode.label() + "-again.jar");

            Result result = link(linked, again, mode, Map.of());

            result.outcome().assertQuiet();
            assertArrayEquals(Files.readAllBytes(linked), Files.readAllBytes(again), mode.label());
        }
        link(out.resolve("boot.jar"), out.resolve("indy-from-boot.jar"), LinkMode.INDY, Map.of())
                .assertRefused(out.resolve("boot.jar") + " is already linked (boot); link the jar it was"
                        + " linked from to link it as indy");
    }

    // ---- helpers

    private Path input(Path file) throws IOException {
        inputs.put(file, Files.readAllBytes(file));
        return file;
    }

    /** Links one jar in boot mode. */
    private Result link(Path input, Path output) {
        return link(input, output, LinkMode.BOOT, Map.of());
    }

    /** Links one jar in this mode with these static selections, against a class path. */
    private Result link(Path input, Path output, LinkMode mode, Map<String, String> selections, Path... classpath) {
        return link(new LinkRequest(List.of(input), List.of(classpath), List.of(output), mode, selections, null,
                Runtime.getRuntime().availableProcessors(), false, true, PatchsiteLog.SILENT));
    }

    /** Links as the request says (one input), noting whether the output existed before. */
    private Result link(LinkRequest request) {
        Path output = request.outputs().get(0);
        boolean existed = Files.exists(output);
        return new Result(CoreRun.link(request), output, existed);
    }

    /**
     * What one link did.
     *
     * @param outcome what it returned, logged or threw
     * @param output its output
     * @param outputExisted whether the output existed before the link
     */
    private record Result(CoreRun.Outcome outcome, Path output, boolean outputExisted) {

        /** Asserts success with no warning and this mode and summary ({@code boot: 3 functions, ...}). */
        void assertOk(String summary) {
            outcome.assertQuiet();
            assertEquals(summary, outcome.table().linkedMode().label() + ": "
                    + TableSummary.bindings(outcome.table()),
                    outcome.what());
        }

        /** Asserts a refusal with exactly this message, no warning, and no output file where there was none. */
        void assertRefused(String message) {
            assertEquals(message, outcome.assertFails(LinkException.class), outcome.what());
            assertEquals(List.of(), outcome.warnings(), outcome.what());
            assertEquals(outputExisted, Files.exists(output), () -> outcome.what() + ": a refusal wrote " + output);
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
