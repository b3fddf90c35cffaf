package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.table.LinkMode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.objectweb.asm.Type;

/**
 * A real third-party jar from the local Maven repository, ASM (the one the linker itself uses), with a function in
 * it named by a declaration file, {@code Type.getType(String)}, its variant (which super-calls it) in a jar of its
 * own, and a program calling it: the shape a user meets linking a dependency they do not own (issue 8, item 2).
 * Linked with the variant jar only read ({@code --classpath}), and with ASM only read and the program linked
 * against it, in every mode, the program prints what it prints unlinked, with the default and with the variant
 * forced, on JDK 17 (and the variant on 25) under {@code -Xverify:all}.
 */
class ThirdPartyJarTest {

    private static final String FUNCTION = "org.objectweb.asm.Type.getType(Ljava/lang/String;)Lorg/objectweb/asm/Type;";
    private static final String UNLINKED = "I Ljava/lang/String; (I)V traced=false\n";
    private static final String TRACED = "I Ljava/lang/String; (I)V traced=true\n";

    @TempDir
    static Path dir;

    private static Path asm;
    private static Path variant;
    private static Path program;
    private static Path agent;
    private static Path declarations;

    @BeforeAll
    static void build() throws Exception {
        asm = Path.of(Type.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path variantClasses = LinkTestFiles.compile(dir.resolve("variant"), Map.of("traced.TracedType", """
                package traced;
                public final class TracedType {
                    public static int calls;
                    public static org.objectweb.asm.Type getType(String descriptor) {
                        calls++;
                        return org.objectweb.asm.Type.getType(descriptor);
                    }
                }
                """), asm);
        Path programClasses = LinkTestFiles.compile(dir.resolve("program"), Map.of("app.Main", """
                package app;
                import org.objectweb.asm.Type;
                public final class Main {
                    public static void main(String[] args) {
                        String method = Type.getMethodDescriptor(Type.VOID_TYPE, Type.getType("I"));
                        System.out.println(Type.getType("I").getDescriptor() + " "
                                + Type.getType("Ljava/lang/String;").getDescriptor() + " " + method
                                + " traced=" + (traced.TracedType.calls > 0));
                    }
                }
                """), asm, variantClasses);
        variant = LinkTestFiles.jar(variantClasses, dir.resolve("traced.jar"), null);
        program = LinkTestFiles.jar(programClasses, dir.resolve("app.jar"), null);
        agent = LinkTestFiles.agentJar(dir.resolve("agent.jar"));
        declarations = Files.writeString(dir.resolve("asm.decl"), "patchsite-declarations 1\n"
                + "function " + FUNCTION + "\n"
                + "variant org.objectweb.asm.Type traced traced.TracedType\n");
    }

    @Test
    void linkedAsmRunsAsUnlinkedWithTheDefaultAndTheVariant() throws Exception {
        List<ForkedJava> jdks = new ArrayList<>(List.of(ForkedJava.current()));
        ForkedJava.jdk25().ifPresent(jdks::add);
        String unlinkedPath = classPath(program, asm, variant);
        assertEquals(UNLINKED, ForkedJava.current().run("-cp", unlinkedPath, "app.Main").assertClean().out());

        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            // ASM linked with the variant only read (the group keeps its bodies), the program linked with both.
            Path out = Files.createDirectories(dir.resolve(mode.label()));
            link(List.of(asm, program), List.of(variant), List.of(out.resolve("asm.jar"), out.resolve("app.jar")),
                    mode);
            // The program linked alone against ASM as published.
            Path alone = out.resolve("app-alone.jar");
            link(List.of(program), List.of(asm, variant), List.of(alone), mode);
            Map<String, String> classPaths = Map.of(
                    "together", classPath(out.resolve("app.jar"), out.resolve("asm.jar"), variant, agent),
                    "alone", classPath(alone, asm, variant, agent));
            for (Map.Entry<String, String> path : classPaths.entrySet()) {
                for (ForkedJava jdk : jdks) {
                    // JDK 25 with the variant only: the default differs there in nothing the 17 runs leave out.
                    for (String selection : jdk == jdks.get(0) ? List.of("default", "traced") : List.of("traced")) {
                        for (List<String> agentOption : List.of(List.<String>of(),
                                List.of("-javaagent:" + agent))) {
                            ForkedJava.Result run = jdk.with("-Xverify:all")
                                    .with(agentOption.toArray(String[]::new))
                                    .with("-Dpatchsite.select.org.objectweb.asm.Type=" + selection)
                                    .run("-cp", path.getValue(), "app.Main");
                            String key = jdk.home().getFileName() + " " + mode.label() + " " + path.getKey() + " "
                                    + selection + " " + agentOption;
                            expected.put(key, "exit 0: " + (selection.equals("traced") ? TRACED : UNLINKED));
                            actual.put(key, "exit " + run.exitCode() + ": " + run.out() + run.err());
                        }
                    }
                }
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void staticLinkFixesTheVariant() throws Exception {
        Path out = Files.createDirectories(dir.resolve("static"));
        Linker.link(new LinkRequest(List.of(asm, program), List.of(variant),
                List.of(out.resolve("asm.jar"), out.resolve("app.jar")), LinkMode.STATIC,
                Map.of("org.objectweb.asm.Type", "traced"), declarations, 2, false, true, PatchsiteLog.SILENT));
        ForkedJava.Result run = ForkedJava.current().with("-Xverify:all")
                .run("-cp", classPath(out.resolve("app.jar"), out.resolve("asm.jar"), variant), "app.Main");
        assertEquals(TRACED, run.assertClean().out());
    }

    private static void link(List<Path> inputs, List<Path> classpath, List<Path> outputs, LinkMode mode)
            throws Exception {
        Linker.link(new LinkRequest(inputs, classpath, outputs, mode, Map.of(), declarations, 2, false, true,
                PatchsiteLog.SILENT));
    }

    private static String classPath(Path... entries) throws IOException {
        List<String> paths = new ArrayList<>();
        for (Path entry : entries) {
            paths.add(entry.toString());
        }
        return String.join(File.pathSeparator, paths);
    }
}
