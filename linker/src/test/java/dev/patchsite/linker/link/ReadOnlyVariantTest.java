package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.table.LinkMode;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A variant the link only reads ({@code --classpath}) whose function calls its group's function, a super-call that
 * means the default: linking never makes it recurse. A group the link rewrites keeps its bodies instead, with a
 * warning; a group already linked elsewhere makes the link refuse; {@code verify} finds the recursion on a linked
 * jar given the never-linked variant. Each linked program is run in a JVM of its own, default and variant, with and
 * without the agent, and in indy mode.
 */
class ReadOnlyVariantTest {

    private static final ForkedJava JAVA = ForkedJava.current().with("-Xverify:all");

    @TempDir
    static Path tmp;

    private static Path group;
    private static Path variant;
    private static Path agent;

    @BeforeAll
    static void build() throws IOException {
        Path groupClasses = LinkTestFiles.compile(tmp.resolve("a"), Map.of(
                "p.G", """
                        package p;
                        public class G {
                            @dev.patchsite.RuntimeStatic
                            public static String f() { return "default"; }
                        }
                        """,
                "p.Main", """
                        package p;
                        public class Main {
                            public static void main(String[] args) { System.out.println("f -> " + G.f()); }
                        }
                        """));
        Path variantClasses = LinkTestFiles.compile(tmp.resolve("b"), Map.of("v.V", """
                package v;
                @dev.patchsite.Variant(of = p.G.class, name = "v")
                public class V {
                    public static String f() { return "v+" + p.G.f(); }
                }
                """), groupClasses);
        group = LinkTestFiles.jar(groupClasses, tmp.resolve("group.jar"), null);
        variant = LinkTestFiles.jar(variantClasses, tmp.resolve("variant.jar"), null);
        agent = LinkTestFiles.agentJar(tmp.resolve("agent.jar"));
    }

    @Test
    void aGroupWhoseVariantIsOnlyReadKeepsItsBodiesAndRunsRight() throws IOException {
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            Path linked = tmp.resolve("group-" + mode.label() + ".jar");
            CoreRun.Outcome result = CoreRun.link(group, linked, mode, variant).assertOk();

            assertEquals(List.of("p.G keeps its functions' bodies (no trampolines): variant " + variant
                    + "!/v/V.class, which this link only reads, calls f()Ljava/lang/String; to mean the default."
                    + " The program's sites still reach the selection, but callers this link does not rewrite"
                    + " (reflection, other jars) run the default. Link the variant's jar with it to give the group"
                    + " trampolines"), result.warnings());
            CoreRun.verify(linked, variant).assertOk();
            assertRuns(linked + File.pathSeparator + variant);
        }
    }

    @Test
    void aVariantNeverLinkedAgainstAGroupLinkedElsewhereIsRefusedAndFoundByVerify() throws IOException {
        Path linkedGroup = tmp.resolve("linked-group.jar");
        CoreRun.link(group, linkedGroup, LinkMode.BOOT).assertOk();
        Path app = LinkTestFiles.jar(LinkTestFiles.compile(tmp.resolve("c"), Map.of("q.App", """
                package q;
                public class App {
                    public static void main(String[] args) { System.out.println("f -> " + p.G.f()); }
                }
                """), group.getParent().resolve("a/classes")), tmp.resolve("app.jar"), null);

        Path out = tmp.resolve("app-linked.jar");
        String refused = CoreRun.link(app, out, LinkMode.BOOT, linkedGroup, variant).assertFails(LinkException.class);

        assertEquals("variant " + variant + "!/v/V.class calls p.G.f()Ljava/lang/String; to mean the"
                + " default, but " + linkedGroup + "!/p/G.class is already linked, so the call reaches the selection"
                + " and recurses once the variant is selected; link the variant's jar too (as an input of this link,"
                + " or in its own build)", refused);
        assertTrue(Files.notExists(out), "a refusal writes nothing");

        String verified = CoreRun.verify(linkedGroup, variant).assertFails(ValidationException.class);
        assertTrue(verified.contains("p.G.f()Ljava/lang/String; v.V.f()Ljava/lang/String; #0 invoke super"
                + " line=4 offset=0: a super-call, meaning the default, of a function whose group " + linkedGroup
                + "!/p/G.class is linked: it reaches the selection and recurses once the variant is selected; link"
                + " the variant's jar"), verified);
    }

    /** The default and the variant, with the agent and without: as unlinked, where the default runs. */
    private static void assertRuns(String classpath) {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        String unlinked = JAVA.run("-cp", group + File.pathSeparator + variant, "p.Main").assertClean().out();
        assertEquals("f -> default\n", unlinked);
        for (String selection : List.of("default", "v")) {
            for (List<String> agentOption : List.of(List.<String>of(), List.of("-javaagent:" + agent))) {
                ForkedJava runner = JAVA.with(agentOption.toArray(String[]::new))
                        .with("-Dpatchsite.select.p.G=" + selection);
                ForkedJava.Result run = runner.run("-cp", classpath + File.pathSeparator + agent, "p.Main");
                String key = classpath + " " + selection + " " + agentOption;
                expected.put(key, "exit 0: " + (selection.equals("v") ? "f -> v+default\n" : unlinked));
                actual.put(key, "exit " + run.exitCode() + ": " + run.out() + run.err());
            }
        }
        assertEquals(expected, actual);
    }
}
