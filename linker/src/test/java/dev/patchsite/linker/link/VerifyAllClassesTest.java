package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.testdata.Samples;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;

/**
 * Invariant 2 (every linked class passes the verifier): every class entry of every linked jar, in each mode, is
 * loaded and linked (so verified) under {@code -Xverify:all}, in a JVM of its own, on JDK 17 and on Temurin 25. The
 * jars: the sample and the clock sample (whose group is {@code java.lang.System}, so it gets a generated trampoline
 * class), each linked in boot, indy and static mode.
 *
 * <p>The loader, compiled at test time, loads each base class through the application class loader
 * ({@code Class.forName(name, false, loader)}, then {@code getDeclaredMethods()}, which links the class), and each
 * class file the application class loader does not pick (a {@code META-INF/versions/N/} copy it does not use, or a
 * base class shadowed by one) from its bytes in a class loader of its own, so that no class entry escapes
 * verification.
 */
class VerifyAllClassesTest {

    private static final String LOADER = """
            import java.util.ArrayList;
            import java.util.Collections;
            import java.util.List;
            import java.util.jar.JarEntry;
            import java.util.jar.JarFile;
            import java.util.zip.ZipEntry;
            import java.util.zip.ZipFile;

            /** Loads and links every class of a jar; prints what failed and how many classes were verified. */
            public final class VerifyAll {
                private static final String VERSIONS = "META-INF/versions/";

                /** Defines one class from its bytes, resolving everything else through the application loader. */
                static final class Isolated extends ClassLoader {
                    Isolated() {
                        super(ClassLoader.getSystemClassLoader());
                    }

                    Class<?> define(String name, byte[] bytes) {
                        return defineClass(name, bytes, 0, bytes.length);
                    }
                }

                public static void main(String[] args) throws Exception {
                    java.io.File file = new java.io.File(args[0]);
                    ClassLoader system = ClassLoader.getSystemClassLoader();
                    int verified = 0;
                    List<String> failures = new ArrayList<>();
                    try (ZipFile raw = new ZipFile(file);
                            JarFile runtimeView = new JarFile(file, true, ZipFile.OPEN_READ, Runtime.version())) {
                        for (ZipEntry entry : Collections.list(raw.entries())) {
                            String name = entry.getName();
                            if (!name.endsWith(".class") || name.endsWith("module-info.class")) {
                                continue;
                            }
                            String path = name.startsWith(VERSIONS)
                                    ? name.substring(name.indexOf('/', VERSIONS.length()) + 1) : name;
                            String className = path.substring(0, path.length() - ".class".length()).replace('/', '.');
                            try {
                                JarEntry picked = runtimeView.getJarEntry(path);
                                Class<?> loaded;
                                if (picked != null && picked.getRealName().equals(name)) {
                                    loaded = Class.forName(className, false, system);
                                } else {
                                    byte[] bytes;
                                    try (var in = raw.getInputStream(entry)) {
                                        bytes = in.readAllBytes();
                                    }
                                    loaded = new Isolated().define(className, bytes);
                                }
                                loaded.getDeclaredMethods(); // links the class, and so verifies it
                                verified++;
                            } catch (Throwable e) {
                                failures.add(name + ": " + e.toString().lines().findFirst().orElse(""));
                            }
                        }
                    }
                    for (String failure : failures) {
                        System.out.println("FAILED " + failure);
                    }
                    System.out.println("verified " + verified + " classes");
                    System.exit(failures.isEmpty() ? 0 : 1);
                }
            }
            """;

    private static final ForkedJava JDK17 = ForkedJava.current().with("-Xverify:all");
    private static final Optional<ForkedJava> JDK25 = ForkedJava.jdk25().map(java -> java.with("-Xverify:all"));

    @TempDir
    static Path dir;

    private static Path loader;
    private static final Map<String, Path> LINKED = new TreeMap<>();

    @BeforeAll
    static void linkAndCompile() throws Exception {
        loader = LinkTestFiles.compile(dir.resolve("loader"), Map.of("VerifyAll", LOADER));
        Path sample = Samples.jar(Samples.SAMPLE);
        Path clock = Samples.jar(Samples.SAMPLE_CLOCK);
        for (LinkMode mode : LinkMode.values()) {
            Path linked = dir.resolve("sample-" + mode.label() + ".jar");
            LinkRequest request = LinkRequest.of(sample, linked).withMode(mode);
            if (mode == LinkMode.STATIC) {
                request = request.withSelections(Map.of(SampleOutput.SPIN_LOCK, "paravirt",
                        SampleOutput.LOCK_EVENTS, "enabled"));
            }
            Linker.link(request);
            LINKED.put("sample " + mode.label(), linked);

            Path linkedClock = dir.resolve("clock-" + mode.label() + ".jar");
            Linker.link(new LinkRequest(List.of(clock), List.of(), List.of(linkedClock), mode,
                    mode == LinkMode.STATIC ? Map.of("java.lang.System", "coarse") : Map.of(),
                    Samples.clockDeclarations(), 2, false, true, PatchsiteLog.SILENT));
            LINKED.put("clock " + mode.label(), linkedClock);
        }
    }

    static Stream<Arguments> jars() {
        List<Arguments> arguments = new ArrayList<>();
        for (String jdk : List.of("17", "25")) {
            for (String jar : List.of("sample boot", "sample indy", "sample static", "clock boot", "clock indy",
                    "clock static")) {
                arguments.add(Arguments.of(jdk, jar));
            }
        }
        return arguments.stream();
    }

    @ParameterizedTest(name = "JDK {0}: {1}")
    @MethodSource("jars")
    void everyClassOfTheLinkedJarVerifies(String jdk, String jar) throws Exception {
        ForkedJava java;
        if (jdk.equals("25")) {
            assumeTrue(JDK25.isPresent(), "no JDK 25 at " + ForkedJava.JDK25_PROPERTY);
            java = JDK25.get();
        } else {
            java = JDK17;
        }
        Path linked = LINKED.get(jar);
        int classes = LinkTestFiles.classEntries(linked).size();
        assertTrue(classes > 0, jar + " has no class");

        ForkedJava.Result run = java.run("-cp", linked + File.pathSeparator + loader, "VerifyAll", linked);

        run.assertClean();
        assertEquals("verified " + classes + " classes\n", run.out(), run::describe);
    }

    /** The sample has a multi-release class; the loader must verify both copies, not only the one the JVM picks. */
    @Test
    void linkedSampleHoldsBothCopiesOfTheMultiReleaseClass() throws Exception {
        List<String> classes = LinkTestFiles.classEntries(LINKED.get("sample indy"));
        assertTrue(classes.contains("dev/patchsite/sample/app/Clock.class"), classes::toString);
        assertTrue(classes.contains("META-INF/versions/11/dev/patchsite/sample/app/Clock.class"), classes::toString);
        assertTrue(classes.contains(RuntimeClasses.MARKER), "indy mode embeds the runtime: " + classes);
        assertTrue(LinkTestFiles.classEntries(LINKED.get("clock boot"))
                .contains("patchsite/trampolines/java/lang/System.class"), "a generated trampoline to verify");
    }

    /**
     * The check can fail: a class with a type error is reported, through either way the loader loads a class, and
     * the run fails, on both JDKs.
     */
    @Test
    void loaderReportsAClassTheVerifierRejects() throws Exception {
        ClassWriter writer = new ClassWriter(0);
        writer.visit(Opcodes.V17, Opcodes.ACC_PUBLIC | Opcodes.ACC_SUPER, "bad/Bad", null, "java/lang/Object", null);
        MethodVisitor method = writer.visitMethod(Opcodes.ACC_PUBLIC | Opcodes.ACC_STATIC, "text",
                "()Ljava/lang/String;", null, null);
        method.visitCode();
        method.visitInsn(Opcodes.ICONST_0);
        method.visitInsn(Opcodes.ARETURN); // an int where a String is returned
        method.visitMaxs(1, 0);
        method.visitEnd();
        writer.visitEnd();
        // The versioned copy is not picked (the jar is not Multi-Release), so it goes through the isolated loader.
        Path jar = LinkTestFiles.jar(new TreeMap<>(Map.of("bad/Bad.class", writer.toByteArray(),
                "META-INF/versions/11/bad/Bad.class", writer.toByteArray())), dir.resolve("bad.jar"), null);

        List<ForkedJava> jdks = new ArrayList<>(List.of(JDK17));
        JDK25.ifPresent(jdks::add);
        for (ForkedJava java : jdks) {
            ForkedJava.Result run = java.run("-cp", jar + File.pathSeparator + loader, "VerifyAll", jar);

            run.assertExit(1);
            List<String> lines = run.out().lines().toList();
            assertEquals(3, lines.size(), run::describe);
            assertTrue(lines.get(0).startsWith("FAILED META-INF/versions/11/bad/Bad.class: java.lang.VerifyError: "),
                    run::describe);
            assertTrue(lines.get(1).startsWith("FAILED bad/Bad.class: java.lang.VerifyError: "), run::describe);
            assertEquals("verified 0 classes", lines.get(2), run::describe);
        }
    }
}
