package dev.patchsite.linker.link;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import org.junit.jupiter.api.BeforeAll;
import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.FieldVisitor;
import org.objectweb.asm.Opcodes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 10 (a linked output always starts) for executable jars, by running them, each in a JVM of its own under
 * {@code -Xverify:all}, on JDK 17 and on Temurin 25: a plain application with no function is copied byte for byte in
 * every mode and starts; a jar with a {@code Launcher-Agent-Class} of its own keeps it, chained after patchsite's
 * agent, and both run; the runtime named by the manifest's {@code Class-Path} starts the agent; and where the runtime
 * is not reachable no agent is added and the link warns.
 */
class RuntimeLaunchTest {

    private static final String HELLO = """
            package hello;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("Hello");
                }
            }
            """;

    /** The group: the default, and the site in Main that the agent patches. */
    private static final Map<String, String> APP = Map.of("app.G", """
            package app;

            public final class G {
                @dev.patchsite.RuntimeStatic
                public static String f() {
                    return "default";
                }
            }
            """, "app.Fast", """
            package app;

            @dev.patchsite.Variant(of = G.class, name = "fast")
            public final class Fast {
                public static String f() {
                    return "fast";
                }
            }
            """, "app.Main", """
            package app;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("main: " + G.f()); // site: G.f #0
                }
            }
            """, "app.TheirAgent", """
            package app;

            public final class TheirAgent {
                public static void agentmain(String args, java.lang.instrument.Instrumentation instrumentation) {
                    System.out.println("their agent");
                }
            }
            """);

    private static final String SELECT = "-Dpatchsite.select.app.G=";
    private static final String CHAINED = "Patchsite-Chained-Agent-Class";

    @TempDir
    static Path dir;

    private static final List<ForkedJava> JAVAS = new ArrayList<>();
    private static Path agent;
    private static Path appClasses;

    @BeforeAll
    static void setUp() throws IOException {
        JAVAS.add(ForkedJava.current().with("-Xverify:all"));
        ForkedJava.jdk25().ifPresent(java -> JAVAS.add(java.with("-Xverify:all")));
        agent = LinkTestFiles.agentJar(dir.resolve("patchsite-runtime.jar"));
        appClasses = LinkTestFiles.compile(dir.resolve("app"), APP);
    }

    @Test
    void aJarWithNoFunctionIsCopiedUnchangedInEveryModeAndStarts() throws Exception {
        Path hello = jar(LinkTestFiles.compile(dir.resolve("hello"), Map.of("hello.Main", HELLO)),
                dir.resolve("hello.jar"), Map.of("Main-Class", "hello.Main"));
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (ForkedJava java : JAVAS) {
            expect(expected, actual, java.run("-jar", hello), "Hello\n", "");
        }
        for (LinkMode mode : LinkMode.values()) {
            Path linked = dir.resolve("hello-" + mode.label() + ".jar");
            RecordedLog log = new RecordedLog();
            PatchSiteTable table = Linker.link(request(hello, linked, mode, List.of(), true, log));
            assertTrue(table.functions().isEmpty(), "the front-ends report nothing to link: " + table);
            assertEquals(-1, Files.mismatch(hello, linked), mode + ": the output is the input, byte for byte");
            assertEquals(List.of(hello + ": no function found, in the inputs or on the class path they are linked"
                    + " with: nothing to link; copied unchanged"), log.warnings());
            for (ForkedJava java : JAVAS) {
                expect(expected, actual, java.run("-jar", linked), "Hello\n", "");
                expect(expected, actual, java.run("-javaagent:" + agent, "-jar", linked), "Hello\n", "");
            }
        }
        assertEquals(expected, actual);

        // Linked with a program that has functions, a jar in which linking changes nothing is copied as well.
        Path app = jar(appClasses, dir.resolve("with-app/app.jar"), Map.of("Main-Class", "app.Main"));
        Path linkedApp = dir.resolve("with-app/out/app.jar");
        Path linkedHello = dir.resolve("with-app/out/hello.jar");
        RecordedLog log = new RecordedLog();
        Linker.link(new LinkRequest(List.of(app, hello), List.of(), List.of(linkedApp, linkedHello), LinkMode.BOOT,
                Map.of(), null, 2, false, true, log));
        assertEquals(List.of(hello + ": it holds no function, variant or call of a function of this program:"
                + " nothing to link; copied unchanged"), log.warnings());
        assertEquals(-1, Files.mismatch(hello, linkedHello));
        assertEquals(ManifestEditor.AGENT, manifest(linkedApp).getValue("Launcher-Agent-Class"));
    }

    /**
     * The jar's own {@code Launcher-Agent-Class} runs in every form, once, before {@code main}; in boot mode it is
     * chained after patchsite's agent, which patches the site ({@code -Dpatchsite.verbose=true} reports it).
     */
    @Test
    void aJarsOwnLauncherAgentIsChainedAndBothRun() throws Exception {
        Path app = jar(appClasses, dir.resolve("own-agent/app.jar"), Map.of("Main-Class", "app.Main",
                "Launcher-Agent-Class", "app.TheirAgent", "Premain-Class", "app.TheirAgent"));
        Path boot = dir.resolve("own-agent/boot.jar");
        Path indy = dir.resolve("own-agent/indy.jar");
        RecordedLog log = new RecordedLog();
        Linker.link(request(app, boot, LinkMode.BOOT, List.of(), true, log));
        Linker.link(request(app, indy, LinkMode.INDY, List.of(), true, PatchsiteLog.SILENT));
        assertEquals(List.of(app + ": the jar's own Launcher-Agent-Class app.TheirAgent is chained: the linked"
                + " manifest names dev.patchsite.runtime.Agent, which installs patchsite and then starts"
                + " app.TheirAgent (recorded in " + CHAINED + ")"), log.warnings());
        Attributes manifest = manifest(boot);
        assertEquals(ManifestEditor.AGENT, manifest.getValue("Launcher-Agent-Class"));
        assertEquals("app.TheirAgent", manifest.getValue(CHAINED));
        assertEquals("app.TheirAgent", manifest.getValue("Premain-Class"), "kept: it only matters to -javaagent");
        assertEquals("app.TheirAgent", manifest(indy).getValue("Launcher-Agent-Class"), "indy starts no agent");
        Verifier.verify(boot, ProgramFiles.of(boot), ScanSettings.defaults());

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (ForkedJava java : JAVAS) {
            expect(expected, actual, java.run("-jar", app), "their agent\nmain: default\n", "");
            for (String variant : List.of("default", "fast")) {
                Path statik = dir.resolve("own-agent/static-" + variant + ".jar");
                Linker.link(request(app, statik, LinkMode.STATIC, List.of(), true, PatchsiteLog.SILENT)
                        .withSelections(Map.of("app.G", variant)));
                String out = "their agent\nmain: " + variant + "\n";
                String bound = "patchsite: app.G -> " + variant + " (selected by -Dpatchsite.select.app.G)\n";
                String patched = bound + "patchsite report: app.G -> " + variant
                        + " (selected by -Dpatchsite.select.app.G); sites patched: 1, sites bound: 0,"
                        + " trampolines bound: 0\n";
                ForkedJava selected = java.with(SELECT + variant, "-Dpatchsite.verbose=true");
                expect(expected, actual, selected.run("-jar", boot), out, patched);
                expect(expected, actual, selected.run("-javaagent:" + agent, "-jar", boot), out, patched);
                expect(expected, actual, selected.run("-cp", boot, "app.Main"), "main: " + variant + "\n",
                        bound + "patchsite report: app.G -> " + variant + " (selected by"
                        + " -Dpatchsite.select.app.G); sites patched: 0, sites bound: 0, trampolines bound: 1\n");
                expect(expected, actual, selected.run("-jar", indy), out, bound + "patchsite report: app.G -> "
                        + variant + " (selected by -Dpatchsite.select.app.G); sites patched: 0, sites bound: 1,"
                        + " trampolines bound: 0\n");
                expect(expected, actual, java.run("-jar", statik), out, "");
            }
        }
        assertEquals(expected, actual);
    }

    /**
     * The runtime is reachable through the manifest's {@code Class-Path}: a jar there that holds it, or, while the jar
     * is not there yet, the name of a link class path jar that holds it. Either way the agent is added, and runs.
     */
    @Test
    void theRuntimeNamedByTheClassPathStartsTheAgent() throws Exception {
        Map<String, String> attributes = Map.of("Main-Class", "app.Main", "Class-Path", "lib/patchsite-runtime.jar");
        Path app = jar(appClasses, dir.resolve("class-path/app.jar"), attributes);
        Path present = dir.resolve("class-path/present/app.jar");
        Files.createDirectories(present.resolveSibling("lib"));
        Files.copy(agent, present.resolveSibling("lib/patchsite-runtime.jar"));
        Path named = dir.resolve("class-path/named/app.jar");
        Files.createDirectories(named.getParent());
        RecordedLog log = new RecordedLog();
        Linker.link(request(app, present, LinkMode.BOOT, List.of(), false, log));
        Linker.link(request(app, named, LinkMode.BOOT, List.of(agent), false, log));
        assertEquals(List.of(), log.warnings());
        Files.createDirectories(named.resolveSibling("lib"));
        Files.copy(agent, named.resolveSibling("lib/patchsite-runtime.jar"));

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Path linked : List.of(present, named)) {
            assertEquals(ManifestEditor.AGENT, manifest(linked).getValue("Launcher-Agent-Class"), linked.toString());
            assertNull(LinkTestFiles.entry(linked, RuntimeClasses.MARKER), "not embedded");
            for (ForkedJava java : JAVAS) {
                ForkedJava.Result run = java.run(SELECT + "fast", "-Dpatchsite.verbose=true", "-jar", linked);
                expect(expected, actual, run, "main: fast\n", "patchsite: app.G -> fast (selected by"
                        + " -Dpatchsite.select.app.G)\npatchsite report: app.G -> fast (selected by"
                        + " -Dpatchsite.select.app.G); sites patched: 1, sites bound: 0, trampolines bound: 0\n");
            }
        }
        assertEquals(expected, actual);
    }

    /**
     * With the runtime neither embedded nor named by the {@code Class-Path}, boot mode still links, adds no agent and
     * warns how to run the jar; run as the warning says, with {@code -javaagent}, it binds the selection.
     */
    @Test
    void withoutAReachableRuntimeNoAgentIsAddedAndTheLinkWarns() throws Exception {
        Path app = jar(appClasses, dir.resolve("unreachable/app.jar"), Map.of("Main-Class", "app.Main",
                "Class-Path", "lib/patchsite-runtime.jar"));
        Path linked = dir.resolve("unreachable/linked.jar");
        RecordedLog log = new RecordedLog();
        Linker.link(request(app, linked, LinkMode.BOOT, List.of(), false, log));
        assertEquals(List.of(app + ": the patchsite runtime is neither in this executable jar nor in a jar its"
                + " manifest's Class-Path names, so java -jar cannot start the agent (no Launcher-Agent-Class is"
                + " added), and the first call of a function fails in its trampoline with NoClassDefFoundError: embed"
                + " the runtime, add the runtime's jar to the manifest's Class-Path, or run the jar with"
                + " -javaagent:patchsite-runtime.jar"), log.warnings());
        assertNull(manifest(linked).getValue("Launcher-Agent-Class"));
        Verifier.verify(linked, ProgramFiles.of(linked), ScanSettings.defaults());
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (ForkedJava java : JAVAS) {
            expect(expected, actual, java.run(SELECT + "fast", "-javaagent:" + agent, "-jar", linked),
                    "main: fast\n", "");
        }
        assertEquals(expected, actual);
    }

    /**
     * A jar that brings its own runtime (shaded with its {@code patchsite-runtime}) is linked only if that runtime is
     * as new as the code the link writes: {@code java -jar} would load the jar's copy, and an older one lacks what the
     * linked classes name. One from before levels is refused with a one-line error naming the jar; the runtime of the
     * linker's own version is accepted and not embedded again.
     */
    @Test
    void aJarHoldingAnOlderRuntimeIsRefused() throws Exception {
        Path current = dir.resolve("own-runtime/current");
        Path older = dir.resolve("own-runtime/older");
        for (Path classes : List.of(current, older)) {
            copyTree(appClasses, classes);
            for (Map.Entry<String, byte[]> entry : RuntimeClasses.all().entrySet()) {
                byte[] bytes = classes == older && entry.getKey().equals(RuntimeClasses.MARKER)
                        ? withoutLevel(entry.getValue()) : entry.getValue();
                Files.createDirectories(classes.resolve(entry.getKey()).getParent());
                Files.write(classes.resolve(entry.getKey()), bytes);
            }
        }
        Map<String, String> attributes = Map.of("Main-Class", "app.Main");
        Path olderJar = jar(older, dir.resolve("own-runtime/older.jar"), attributes);
        Path refused = dir.resolve("own-runtime/older-linked.jar");
        LinkException e = assertThrows(LinkException.class, () -> Linker.link(request(olderJar, refused,
                LinkMode.BOOT, List.of(), true, new RecordedLog())));
        assertEquals(olderJar + " holds an older patchsite runtime than this linker writes code for ("
                + RuntimeClasses.MARKER + " is of level 0, the linked classes need level " + RuntimeClasses.LEVEL
                + "): build the jar with the patchsite-runtime of this linker's version, or leave the runtime out of"
                + " the jar so that the link embeds its own", e.getMessage());
        assertFalse(Files.exists(refused), "nothing written");
        assertEquals(0, RuntimeClasses.levelOf(Files.readAllBytes(older.resolve(RuntimeClasses.MARKER))));

        Path currentJar = jar(current, dir.resolve("own-runtime/current.jar"), attributes);
        Path linked = dir.resolve("own-runtime/current-linked.jar");
        Linker.link(request(currentJar, linked, LinkMode.BOOT, List.of(), true, new RecordedLog()));
        assertEquals(ManifestEditor.AGENT, manifest(linked).getValue("Launcher-Agent-Class"));
        assertEquals(RuntimeClasses.LEVEL, RuntimeClasses.levelOf(LinkTestFiles.entry(linked, RuntimeClasses.MARKER)));
    }

    private static byte[] withoutLevel(byte[] bootstrap) {
        ClassWriter writer = new ClassWriter(0);
        new ClassReader(bootstrap).accept(new ClassVisitor(Opcodes.ASM9, writer) {
            @Override
            public FieldVisitor visitField(int access, String name, String descriptor, String signature,
                    Object value) {
                return name.equals("LEVEL") ? null : super.visitField(access, name, descriptor, signature, value);
            }
        }, 0);
        return writer.toByteArray();
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path path : walk.filter(Files::isRegularFile).toList()) {
                Path target = to.resolve(from.relativize(path).toString());
                Files.createDirectories(target.getParent());
                Files.copy(path, target);
            }
        }
    }

    private static void expect(Map<String, String> expected, Map<String, String> actual, ForkedJava.Result run,
            String out, String err) {
        expected.put(run.command(), "exit 0\n" + out + "--- stderr:\n" + err);
        actual.put(run.command(), "exit " + run.exitCode() + "\n" + run.out() + "--- stderr:\n" + run.err());
    }

    private static LinkRequest request(Path input, Path output, LinkMode mode, List<Path> classpath, boolean embed,
            PatchsiteLog log) {
        return new LinkRequest(List.of(input), classpath, List.of(output), mode, Map.of(), null, 2, false, embed,
                log);
    }

    /** Writes the files under a directory into a jar whose manifest has these main attributes. */
    static Path jar(Path classes, Path jar, Map<String, String> attributes) throws IOException {
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        new TreeMap<>(attributes).forEach(manifest.getMainAttributes()::putValue);
        Files.createDirectories(jar.getParent());
        try (OutputStream file = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(file, manifest);
                Stream<Path> walk = Files.walk(classes)) {
            for (Path path : walk.filter(Files::isRegularFile).sorted().toList()) {
                out.putNextEntry(new ZipEntry(classes.relativize(path).toString().replace('\\', '/')));
                out.write(Files.readAllBytes(path));
                out.closeEntry();
            }
        }
        return jar;
    }

    private static Attributes manifest(Path jar) throws IOException {
        byte[] bytes = LinkTestFiles.entry(jar, "META-INF/MANIFEST.MF");
        assertFalse(bytes == null, jar + " has no manifest");
        return new Manifest(new ByteArrayInputStream(bytes)).getMainAttributes();
    }

}
