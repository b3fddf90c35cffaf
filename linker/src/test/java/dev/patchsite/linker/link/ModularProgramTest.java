package dev.patchsite.linker.link;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import java.io.File;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariants 1 and 9 for a modular program: module {@code lib} declares two groups; {@code Sum}'s variant
 * {@code fast} (with a probe) lives in {@code lib.sum.impl}, a package {@code lib} does not export, and
 * {@code Text}'s variant {@code loud} in an exported package; module {@code app} requires {@code lib} and calls both.
 * Linked together in boot, indy and static mode, the program runs with {@code java -p ... -m app/app.Main} (boot with
 * and without {@code -javaagent}) and with {@code java -cp}, on JDK 17 and 25 under {@code -Xverify:all}, and prints
 * what the unlinked modular program prints for the default, and the forced variant's output otherwise. The site in
 * {@code app} that would call {@code fast} stays on its trampoline ({@code access}); the other sites bind directly.
 */
class ModularProgramTest {

    @TempDir
    static Path dir;

    private static Path runtime;
    private static Path unlinked;
    private static final Map<LinkMode, Path> LINKED = new TreeMap<>();

    private static final String SUM = "lib.sum.Sum";
    private static final String TEXT = "lib.text.Text";

    /** The selections each run is made with: a JVM option, and what {@code Sum} and {@code Text} then give. */
    private static final Map<String, String[]> SELECTIONS = new LinkedHashMap<>();

    static {
        SELECTIONS.put("-Dlib.fast=false", new String[] {"default", "default"}); // no probe holds
        SELECTIONS.put("-Dpatchsite.select.lib.sum.Sum=fast", new String[] {"fast", "default"});
        SELECTIONS.put("-Dlib.fast=true", new String[] {"fast", "default"}); // fast's probe holds
        SELECTIONS.put("-Dpatchsite.select.lib.text.Text=loud", new String[] {"default", "LOUD"});
    }

    @BeforeAll
    static void compileAndLink() throws Exception {
        runtime = LinkTestFiles.runtimeModuleJar(dir.resolve("runtime/patchsite-runtime.jar"));
        Map<String, String> lib = new LinkedHashMap<>();
        lib.put("module-info", """
                module lib {
                    requires static dev.patchsite.runtime; // the annotations, which the JVM never loads
                    exports lib.sum;
                    exports lib.text;
                    exports lib.text.loud;
                }
                """);
        lib.put("lib.sum.Sum", """
                package lib.sum;

                public final class Sum {
                    @dev.patchsite.RuntimeStatic
                    public static String name() {
                        return "default";
                    }

                    public static String fromLib() {
                        return name(); // site: Sum.name #0 in lib: may call the variant of its own module
                    }
                }
                """);
        lib.put("lib.sum.impl.FastSum", """
                package lib.sum.impl;

                @dev.patchsite.Variant(of = lib.sum.Sum.class, name = "fast", when = FastProbe.class, priority = 10)
                public final class FastSum {
                    public static String name() {
                        return "fast";
                    }
                }
                """);
        lib.put("lib.sum.impl.FastProbe", """
                package lib.sum.impl;

                public final class FastProbe implements java.util.function.BooleanSupplier {
                    @Override
                    public boolean getAsBoolean() {
                        return Boolean.getBoolean("lib.fast");
                    }
                }
                """);
        lib.put("lib.text.Text", """
                package lib.text;

                public final class Text {
                    @dev.patchsite.RuntimeStatic
                    public static String name() {
                        return "default";
                    }
                }
                """);
        lib.put("lib.text.loud.LoudText", """
                package lib.text.loud;

                @dev.patchsite.Variant(of = lib.text.Text.class, name = "loud")
                public final class LoudText {
                    public static String name() {
                        return "LOUD";
                    }
                }
                """);
        Path libClasses = LinkTestFiles.compileModule(dir.resolve("lib"), lib, runtime);
        Map<String, String> app = new LinkedHashMap<>();
        app.put("module-info", "module app { requires lib; }");
        app.put("app.Main", """
                package app;

                public final class Main {
                    public static void main(String[] args) {
                        System.out.println("in a named module: " + Main.class.getModule().isNamed());
                        System.out.println("sum from app: " + lib.sum.Sum.name()); // site: access (fast not exported)
                        System.out.println("sum from lib: " + lib.sum.Sum.fromLib());
                        System.out.println("text from app: " + lib.text.Text.name()); // site: binds directly
                    }
                }
                """);
        Path appClasses = LinkTestFiles.compileModule(dir.resolve("app"), app, runtime, libClasses);
        unlinked = dir.resolve("unlinked");
        LinkTestFiles.jarWithManifest(libClasses, unlinked.resolve("lib.jar"), Map.of());
        // Executable: linking embeds the runtime, which java -jar finds and java -p must not see in module app.
        LinkTestFiles.jarWithManifest(appClasses, unlinked.resolve("app.jar"), Map.of("Main-Class", "app.Main",
                "Class-Path", "lib.jar"));
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            LINKED.put(mode, link(mode, Map.of()));
        }
    }

    private static Path link(LinkMode mode, Map<String, String> selections) throws Exception {
        Path out = dir.resolve(mode.label() + selections.hashCode());
        Files.createDirectories(out);
        Linker.link(new LinkRequest(List.of(unlinked.resolve("app.jar"), unlinked.resolve("lib.jar")), List.of(),
                List.of(out.resolve("app.jar"), out.resolve("lib.jar")), mode, selections, null, 2, false, true,
                PatchsiteLog.SILENT));
        return out;
    }

    /** The app's output under a selection of each group, on the module path or the class path. */
    private static String expected(boolean named, String sum, String text) {
        return "in a named module: " + named + "\nsum from app: " + sum + "\nsum from lib: " + sum + "\ntext from app: "
                + text + "\n";
    }

    private static List<ForkedJava> jdks() {
        List<ForkedJava> jdks = new ArrayList<>(List.of(ForkedJava.current()));
        Optional<ForkedJava> jdk25 = ForkedJava.jdk25();
        jdk25.ifPresent(jdks::add);
        return jdks;
    }

    private static String modulePath(Path... jars) {
        List<String> path = new ArrayList<>();
        for (Path jar : jars) {
            path.add(jar.toString());
        }
        return String.join(File.pathSeparator, path);
    }

    @Test
    void theSiteOfAppThatCannotReachANonExportedVariantStaysOnItsTrampoline() throws Exception {
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            PatchSiteTable table = LinkTestFiles.linkedTable(LINKED.get(mode).resolve("app.jar"));
            Map<String, String> bindings = new TreeMap<>();
            for (Site site : table.sites()) {
                bindings.put(site.caller().owner() + " " + site.functionId(), site.binding().label());
            }
            String direct = mode == LinkMode.BOOT ? "patch" : "indy";
            assertEquals(Map.of("app/Main lib.sum.Sum.name()Ljava/lang/String;", "trampoline:access",
                    "lib/sum/Sum lib.sum.Sum.name()Ljava/lang/String;", direct,
                    "app/Main lib.text.Text.name()Ljava/lang/String;", direct), bindings, mode.label());
        }
    }

    /**
     * Every linked form on the module path, on JDK 17 and 25, prints the unlinked output for the default and the
     * variant's output when one is forced or its probe holds (the probe is in a package {@code lib} exports to no
     * one but the runtime, which the linker arranged).
     */
    @Test
    void everyLinkedFormOnTheModulePathRunsAsTheUnlinkedProgram() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (ForkedJava jdk : jdks()) {
            ForkedJava java = jdk.with("-Xverify:all");
            String jdkName = jdk.home().getFileName().toString();
            record(expected, actual, jdkName + " unlinked", expected(true, "default", "default"),
                    java.run("-p", modulePath(unlinked.resolve("app.jar"), unlinked.resolve("lib.jar")), "-m",
                            "app/app.Main"));
            for (Map.Entry<String, String[]> selection : SELECTIONS.entrySet()) {
                String sum = selection.getValue()[0];
                String text = selection.getValue()[1];
                ForkedJava selected = java.with(selection.getKey());
                for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
                    String key = jdkName + " " + mode.label() + " " + selection.getKey();
                    String modules = modulePath(LINKED.get(mode).resolve("app.jar"),
                            LINKED.get(mode).resolve("lib.jar"), runtime);
                    record(expected, actual, key, expected(true, sum, text),
                            selected.run("-p", modules, "-m", "app/app.Main"));
                    if (mode == LinkMode.BOOT) {
                        record(expected, actual, key + " -javaagent", expected(true, sum, text),
                                selected.run("-javaagent:" + runtime, "-p", modules, "-m", "app/app.Main"));
                    }
                }
            }
        }
        assertEquals(expected, actual);
    }

    /**
     * The same linked jars on the class path: {@code java -jar} the executable app (its embedded runtime starts the
     * agent; {@code lib.jar} comes from its {@code Class-Path}), {@code java -cp} without an agent.
     */
    @Test
    void theSameLinkedJarsRunOnTheClassPath() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        ForkedJava java = ForkedJava.current().with("-Xverify:all");
        for (String selection : List.of("-Dlib.fast=false", "-Dpatchsite.select.lib.sum.Sum=fast")) {
            String sum = SELECTIONS.get(selection)[0];
            for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
                Path app = LINKED.get(mode).resolve("app.jar");
                String key = mode.label() + " " + selection;
                record(expected, actual, key + " -jar", expected(false, sum, "default"),
                        java.with(selection).run("-jar", app));
                record(expected, actual, key + " -cp", expected(false, sum, "default"), java.with(selection)
                        .run("-cp", modulePath(app, LINKED.get(mode).resolve("lib.jar")), "app.Main"));
            }
        }
        assertEquals(expected, actual);
    }

    /** Static mode needs no runtime: each selection, fixed at link time, runs on the module path without it. */
    @Test
    void staticallyLinkedModulesRunWithoutTheRuntime() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (String[] selection : List.of(new String[] {"default", "default"}, new String[] {"fast", "loud"})) {
            Path out = link(LinkMode.STATIC, Map.of(SUM, selection[0], TEXT, selection[1]));
            String text = selection[1].equals("loud") ? "LOUD" : "default";
            for (ForkedJava jdk : jdks()) {
                record(expected, actual, jdk.home().getFileName() + " static " + selection[0] + "/" + selection[1],
                        expected(true, selection[0], text), jdk.with("-Xverify:all").run("-p",
                                modulePath(out.resolve("app.jar"), out.resolve("lib.jar")), "-m", "app/app.Main"));
            }
        }
        assertEquals(expected, actual);
    }

    /** {@code verify} passes the linked modules, each verified with the other on its classpath. */
    @Test
    void verifyPassesTheLinkedModules() throws Exception {
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            Path app = LINKED.get(mode).resolve("app.jar");
            Path lib = LINKED.get(mode).resolve("lib.jar");
            Verifier.verify(app, new ProgramFiles(List.of(app, lib), List.of(), null), new ScanSettings(2, PatchsiteLog.SILENT));
            Verifier.verify(lib, new ProgramFiles(List.of(app, lib), List.of(), null), new ScanSettings(2, PatchsiteLog.SILENT));
        }
    }

    /**
     * {@code verify} fails what an earlier patchsite wrote: an indy site in {@code app} bound to a variant
     * {@code app} cannot reach, in a module whose descriptor does not require the runtime.
     */
    @Test
    void verifyFindsSitesTheirModulesCannotReach() throws Exception {
        Path app = dir.resolve("unreachable/app.jar");
        Files.createDirectories(app.getParent());
        Files.copy(LINKED.get(LinkMode.INDY).resolve("app.jar"), app);
        try (FileSystem zip = FileSystems.newFileSystem(app)) {
            Files.write(zip.getPath("module-info.class"),
                    LinkTestFiles.entry(unlinked.resolve("app.jar"), "module-info.class"));
            Path table = zip.getPath(JarLinker.TABLE);
            Files.writeString(table, Files.readString(table).replace("trampoline:access", "indy"));
        }
        Path lib = LINKED.get(LinkMode.INDY).resolve("lib.jar");
        ValidationException failure = assertThrows(ValidationException.class,
                () -> Verifier.verify(app, new ProgramFiles(List.of(app, lib), List.of(), null), new ScanSettings(2, PatchsiteLog.SILENT)));
        String site = app + ": lib.sum.Sum.name()Ljava/lang/String; app.Main.main([Ljava/lang/String;)V #0 invoke";
        List<String> problems = failure.problems().stream().filter(p -> p.startsWith(site)).toList();
        assertEquals(2, problems.size(), failure.problems().toString());
        assertTrue(problems.get(0).matches(Pattern.quote(site) + " line=\\d+ offset=\\d+ bind=indy: bound indy but it"
                + " cannot reach variant fast \\(lib.sum.impl.FastSum\\): module lib does not export lib.sum.impl to"
                + " module app"), problems.get(0));
        assertTrue(problems.get(1).endsWith(": bound indy but module app does not require dev.patchsite.runtime, whose"
                + " bootstrap methods the site names"), problems.get(1));
    }

    /**
     * A variant in a module the group's module cannot read: the group's trampolines could not call it, so the link
     * is refused (exit code 5) with what to change.
     */
    @Test
    void aVariantTheGroupsModuleCannotReachIsRefused() throws Exception {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("module-info", "module fast { requires lib; requires static dev.patchsite.runtime; }");
        sources.put("fast.FasterSum", """
                package fast;

                @dev.patchsite.Variant(of = lib.sum.Sum.class, name = "faster")
                public final class FasterSum {
                    public static String name() {
                        return "faster";
                    }
                }
                """);
        Path fast = LinkTestFiles.compileModule(dir.resolve("fast"), sources, runtime, unlinked.resolve("lib.jar"));
        Path fastJar = LinkTestFiles.jarWithManifest(fast, dir.resolve("fast/fast.jar"), Map.of());
        Path out = Files.createDirectories(dir.resolve("refused"));
        LinkException refused = assertThrows(LinkException.class, () -> Linker.link(new LinkRequest(
                List.of(unlinked.resolve("lib.jar"), fastJar), List.of(), List.of(out.resolve("lib.jar"),
                out.resolve("fast.jar")), LinkMode.BOOT, Map.of(), null, 2, false, true, PatchsiteLog.SILENT)));
        assertEquals("variant faster (fast.FasterSum) of group lib.sum.Sum: module lib does not read module fast, so"
                + " the group's trampolines cannot call it; export the package to the group's module (exports fast to"
                + " lib) and make that module read the variant's", refused.getMessage());
    }

    private static void record(Map<String, String> expected, Map<String, String> actual, String key, String output,
            ForkedJava.Result run) {
        expected.put(key, "exit 0\n" + output);
        actual.put(key, "exit " + run.exitCode() + "\n" + run.out() + run.err());
    }
}
