package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.table.Binding;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package-private group in a library jar, called from the same package in an application jar linked on its own
 * (a split package on the class path): the generated trampoline class, in a package of its own, cannot call the
 * function, so in boot mode the site becomes an {@code invokedynamic} bound with the caller's access. Run with the
 * library unlinked and linked, default and variant, with and without the agent, JDK 17 and 25.
 */
class PackagePrivateGroupTest {

    @TempDir
    static Path tmp;

    private static Path library;
    private static Path application;
    private static Path agent;

    @BeforeAll
    static void build() throws IOException {
        Path libraryClasses = LinkTestFiles.compile(tmp.resolve("l"), Map.of(
                "lib.Hidden", """
                        package lib;
                        class Hidden {
                            @dev.patchsite.RuntimeStatic
                            static int h() { return 2; }
                        }
                        """,
                "lib.FastHidden", """
                        package lib;
                        @dev.patchsite.Variant(of = Hidden.class, name = "fast")
                        public final class FastHidden {
                            static int h() { return 20 + Hidden.h(); }
                        }
                        """));
        Path applicationClasses = LinkTestFiles.compile(tmp.resolve("a"), Map.of("lib.Caller", """
                package lib;
                public class Caller {
                    public static void main(String[] args) { System.out.println("h " + Hidden.h()); }
                }
                """), libraryClasses);
        library = LinkTestFiles.jar(libraryClasses, tmp.resolve("lib.jar"), null);
        application = LinkTestFiles.jar(applicationClasses, tmp.resolve("app.jar"), null);
        agent = LinkTestFiles.agentJar(tmp.resolve("agent.jar"));
    }

    @Test
    void theCallerBindsWhatTheGeneratedTrampolineCannotReach() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        List<ForkedJava> jdks = new ArrayList<>(List.of(ForkedJava.current()));
        ForkedJava.jdk25().ifPresent(jdks::add);
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            Path linkedApplication = tmp.resolve("app-" + mode.label() + ".jar");
            PatchSiteTable table = link(application, library, linkedApplication, mode);
            assertEquals(Binding.Kind.INDY, table.sites().stream().filter(s -> !s.superCall()).findFirst()
                    .orElseThrow().binding().kind(), mode.label());
            Path linkedLibrary = tmp.resolve("lib-" + mode.label() + ".jar");
            link(library, null, linkedLibrary, mode);
            for (Path lib : List.of(library, linkedLibrary)) {
                for (ForkedJava jdk : jdks) {
                    for (String selection : List.of("default", "fast")) {
                        for (List<String> agentOption : List.of(List.<String>of(), List.of("-javaagent:" + agent))) {
                            ForkedJava.Result run = jdk.with("-Xverify:all").with(agentOption.toArray(String[]::new))
                                    .with("-Dpatchsite.select.lib.Hidden=" + selection)
                                    .run("-cp", linkedApplication + File.pathSeparator + lib + File.pathSeparator
                                            + agent, "lib.Caller");
                            String key = jdk.home().getFileName() + " " + mode.label() + " " + lib.getFileName()
                                    + " " + selection + " " + agentOption;
                            expected.put(key, "exit 0: h " + (selection.equals("fast") ? 22 : 2) + "\n");
                            actual.put(key, "exit " + run.exitCode() + ": " + run.out() + run.err());
                        }
                    }
                }
            }
        }
        assertEquals(expected, actual);
    }

    private static PatchSiteTable link(Path input, Path classpath, Path output, LinkMode mode) throws Exception {
        return Linker.link(new LinkRequest(List.of(input), classpath == null ? List.of() : List.of(classpath),
                List.of(output), mode, Map.of(), null, 2, false, true, PatchsiteLog.SILENT));
    }
}
