package dev.patchsite.linker.link;

import dev.patchsite.linker.ProgramFiles;
import dev.patchsite.linker.ScanSettings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.PatchsiteLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Invariant 11 for calls through a subclass: {@code Sub.f()} of a function {@code Base.f} that {@code Sub} inherits
 * (javac writes {@code invokestatic app/Sub.f}) is a site, recorded with {@code via=}, bound like a call of
 * {@code Base.f} in every mode, and {@code verify} finds such a call the table does not list. The group and its
 * variant {@code fast} are in {@code lib.jar}; the subclasses, a variant {@code turbo} whose super-call goes through a
 * subclass, and the caller are in {@code app.jar}. {@code Sub2} hides {@code f}, so {@code Sub2.f()} and
 * {@code Sub2Sub.f()} are not sites.
 */
class InheritedSitesTest {

    private static final String BASE = "lib.Base";
    private static final String HIDDEN = "lib.Hidden";
    private static final Map<String, String> LIB = Map.of(
            "lib.Base", """
                    package lib;

                    public class Base {
                        @dev.patchsite.RuntimeStatic
                        public static int f() {
                            return 1;
                        }
                    }
                    """,
            "lib.Fast", """
                    package lib;

                    @dev.patchsite.Variant(of = Base.class, name = "fast")
                    public final class Fast {
                        public static int f() {
                            return 10 + Base.f();
                        }
                    }
                    """,
            "lib.Hidden", """
                    package lib;

                    class Hidden {
                        @dev.patchsite.RuntimeStatic
                        public static int h() {
                            return 2;
                        }
                    }
                    """,
            "lib.FastHidden", """
                    package lib;

                    @dev.patchsite.Variant(of = Hidden.class, name = "fast")
                    public final class FastHidden {
                        public static int h() {
                            return 20 + Hidden.h();
                        }
                    }
                    """);
    private static final Map<String, String> APP = Map.of(
            "app.Sub", "package app;\n\npublic class Sub extends lib.Base {\n}\n",
            "lib.Open", "package lib;\n\npublic class Open extends Hidden {\n}\n",
            "app.SubSub", "package app;\n\npublic class SubSub extends Sub {\n}\n",
            "app.Sub2", """
                    package app;

                    public class Sub2 extends lib.Base {
                        public static int f() {
                            return 100;
                        }
                    }
                    """,
            "app.Sub2Sub", "package app;\n\npublic class Sub2Sub extends Sub2 {\n}\n",
            "app.Turbo", """
                    package app;

                    @dev.patchsite.Variant(of = lib.Base.class, name = "turbo")
                    public final class Turbo {
                        public static int f() {
                            return 1000 + Sub.f();
                        }
                    }
                    """,
            "app.Main", """
                    package app;

                    public final class Main {
                        public static void main(String[] args) {
                            String hidden = args.length > 0 ? "" : ", Open.h " + lib.Open.h();
                            System.out.println("Sub.f " + Sub.f() + ", Base.f " + lib.Base.f() + ", SubSub.f "
                                    + SubSub.f() + ", Sub2.f " + Sub2.f() + ", Sub2Sub.f " + Sub2Sub.f() + hidden);
                        }
                    }
                    """);
    private static final String EXTRA = """
            package app;

            public final class Extra {
                public static int call() {
                    return SubSub.f();
                }
            }
            """;

    /**
     * The output for each selection, the variant named for {@code lib.Base} and for {@code lib.Hidden} when it has
     * one of that name: every call that reaches a function runs the selection.
     */
    private static final Map<String, String> OUTPUT = Map.of(
            "default", expected(1, 2),
            "fast", expected(11, 22),
            "turbo", expected(1001, 2));

    /** No selection (no probe holds: the default), the default forced, and each variant forced. */
    private static final List<String> SELECTIONS = List.of("", "default", "fast", "turbo");

    private static final ForkedJava JDK17 = ForkedJava.current().with("-Xverify:all");
    private static final Optional<ForkedJava> JDK25 = ForkedJava.jdk25().map(java -> java.with("-Xverify:all"));

    @TempDir
    static Path dir;

    private static Path lib;
    private static Path app;
    private static Path agent;

    @BeforeAll
    static void compile() throws Exception {
        Path libClasses = LinkTestFiles.compile(dir.resolve("lib"), LIB);
        Path appClasses = LinkTestFiles.compile(dir.resolve("app"), APP, libClasses);
        lib = LinkTestFiles.jar(libClasses, dir.resolve("unlinked/lib.jar"), null);
        app = LinkTestFiles.jar(appClasses, dir.resolve("unlinked/app.jar"), "app.Main", "lib.jar");
        agent = LinkTestFiles.agentJar(dir.resolve("agent.jar"));
    }

    private static String expected(int f, int h) {
        return "Sub.f " + f + ", Base.f " + f + ", SubSub.f " + f + ", Sub2.f 100, Sub2Sub.f 100, Open.h " + h + "\n";
    }

    /**
     * The scan lists the calls through {@code Sub} and {@code SubSub} with {@code via=}, counted with the call of
     * {@code Base.f} in bytecode order, the super-call through {@code Sub} in {@code turbo}, and nothing for the
     * subclasses that hide {@code f}.
     */
    @Test
    void scanListsCallsThroughSubclassesThatInheritTheFunction() throws Exception {
        PatchSiteTable table = Scanner.scan(ScanRequest.of(List.of(lib, app)));
        List<String> lines = new ArrayList<>();
        for (Site site : table.sites()) {
            String line = TableWriter.siteLine(site);
            lines.add(line.substring(0, line.indexOf(" line=")));
        }
        assertEquals(List.of(
                "site lib.Base.f()I app.Main.main([Ljava/lang/String;)V #0 invoke via=app.Sub",
                "site lib.Base.f()I app.Main.main([Ljava/lang/String;)V #1 invoke",
                "site lib.Base.f()I app.Main.main([Ljava/lang/String;)V #2 invoke via=app.SubSub",
                "site lib.Base.f()I app.Turbo.f()I #0 invoke super via=app.Sub",
                "site lib.Base.f()I lib.Fast.f()I #0 invoke super",
                "site lib.Hidden.h()I app.Main.main([Ljava/lang/String;)V #0 invoke via=lib.Open",
                "site lib.Hidden.h()I lib.FastHidden.h()I #0 invoke super"), lines);
    }

    /**
     * Linked together, in every mode, the program prints what the unlinked one does for each selection, on JDK 17
     * and 25 (the default forced explicitly on JDK 17 only, to keep the test short).
     */
    @Test
    void linkedTogetherEveryFormRunsAsUnlinked() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        runEveryForm("together", List.of(lib, app), List.of(), true, expected, actual);
        assertEquals(expected, actual);
    }

    /**
     * The application linked on its own against the library ({@code --classpath}), run with the unlinked library:
     * its calls through {@code Sub} go to the generated trampoline of {@code lib.Base}, as its calls of
     * {@code Base.f} do. On JDK 17 and without the explicit default, to keep the test short: the runs left out
     * differ in nothing this adds to the test above. Without the call of {@code lib.Hidden.h}: a generated
     * trampoline (in package {@code patchsite.trampolines.lib}) cannot reach a package-private group's default,
     * whether the call names the group or a subclass, which is a defect of generated trampolines, not of calls
     * through subclasses.
     */
    @Test
    void applicationLinkedAloneRunsAsUnlinked() throws Exception {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        runEveryForm("alone", List.of(app), List.of(lib), false, expected, actual);
        assertEquals(expected, actual);
    }

    /**
     * {@code verify} passes the linked jars in every mode (static with a variant selected and with the default,
     * whose super-call through {@code Sub} names the default body through {@code Sub}), and fails a jar with a class
     * added after linking whose call through a subclass the table does not list.
     */
    @Test
    void verifyFindsACallThroughASubclassTheTableDoesNotList() throws Exception {
        for (LinkMode mode : LinkMode.values()) {
            for (String selection : mode == LinkMode.STATIC ? List.of("fast", "default") : List.of("")) {
                Map<String, Path> linked = link("verify-" + mode.label() + selection, List.of(lib, app), List.of(),
                        mode, selection.isEmpty() ? null : selection);
                Verifier.verify(linked.get("app"), new ProgramFiles(List.of(linked.get("app"), linked.get("lib")), List.of(), null), ScanSettings.defaults());
                Verifier.verify(linked.get("lib"), new ProgramFiles(List.of(linked.get("app"), linked.get("lib")), List.of(), null), ScanSettings.defaults());
            }
        }
        Path out = dir.resolve("verify");
        Path linkedLib = out.resolve("lib.jar");
        Path linkedApp = out.resolve("app.jar");
        Linker.link(request(List.of(lib, app), List.of(), List.of(linkedLib, linkedApp), LinkMode.BOOT, null));

        Path extraClasses = LinkTestFiles.compile(out.resolve("extra"), Map.of("app.Extra", EXTRA), linkedApp,
                linkedLib);
        Map<String, byte[]> entries = new LinkedHashMap<>(LinkTestFiles.entries(linkedApp));
        entries.remove("META-INF/MANIFEST.MF");
        entries.put("app/Extra.class", Files.readAllBytes(extraClasses.resolve("app/Extra.class")));
        Path edited = LinkTestFiles.jar(entries, out.resolve("edited.jar"), "app.Main", "lib.jar");

        ValidationException failure = assertThrows(ValidationException.class,
                () -> Verifier.verify(edited, ProgramFiles.of(edited).withClasspath(List.of(linkedLib)), ScanSettings.defaults()));
        assertEquals(List.of(edited + "!/app/Extra.class: a call the table does not list: lib.Base.f()I"
                + " app.Extra.call()I #0 invoke via=app.SubSub line=5 offset=0"), failure.problems());
    }

    /**
     * Links the inputs in each mode (static once per selection) into directories of their own and runs them with
     * each selection on JDK 17, two JVMs at a time, recording the expected and the actual output of each run.
     * {@code full} adds the runs on JDK 25 and, on JDK 17, those with the default forced explicitly, and runs the
     * call of {@code lib.Hidden.h} (the program skips it when given an argument).
     */
    private static void runEveryForm(String name, List<Path> inputs, List<Path> classpath, boolean full,
            Map<String, String> expected, Map<String, String> actual) throws Exception {
        Map<String, Path> boot = link(name + "-boot", inputs, classpath, LinkMode.BOOT, null);
        Map<String, Path> indy = link(name + "-indy", inputs, classpath, LinkMode.INDY, null);
        Map<String, Map<String, Path>> statik = new LinkedHashMap<>();
        for (String selection : SELECTIONS) {
            statik.put(selection, link(name + "-static-" + selection, inputs, classpath, LinkMode.STATIC,
                    selection.isEmpty() ? null : selection));
        }
        Map<String, ForkedJava> jdks = new LinkedHashMap<>();
        jdks.put("JDK 17", JDK17);
        if (full) {
            JDK25.ifPresent(java -> jdks.put("JDK 25", java));
        }
        List<Run> runs = new ArrayList<>();
        String[] main = full ? new String[] {"app.Main"} : new String[] {"app.Main", "without-hidden"};
        String[] jar = full ? new String[0] : new String[] {"without-hidden"};
        Map<String, String> outputs = new LinkedHashMap<>();
        OUTPUT.forEach((selection, output) -> outputs.put(selection, full ? output
                : output.replaceAll(", Open.h [0-9]+", "")));
        jdks.forEach((version, jdk) -> {
            runs.add(new Run(version + " unlinked", outputs.get("default"),
                    () -> jdk.run(command(List.of("-cp", app + File.pathSeparator + lib), main))));
            for (String selection : SELECTIONS) {
                if (selection.equals("default") && !(full && version.equals("JDK 17"))) {
                    continue;
                }
                ForkedJava java = jdk.with(selected(selection).entrySet().stream()
                        .map(group -> "-Dpatchsite.select." + group.getKey() + "=" + group.getValue())
                        .toArray(String[]::new));
                String want = outputs.get(selection.isEmpty() ? "default" : selection);
                String key = version + ", " + (selection.isEmpty() ? "no selection" : selection) + ", ";
                runs.add(new Run(key + "boot -javaagent", want,
                        () -> java.run(command(List.of("-javaagent:" + agent, "-cp", classPath(boot)), main))));
                runs.add(new Run(key + "boot Launcher-Agent-Class", want,
                        () -> java.run(command(List.of("-jar", boot.get("app")), jar))));
                runs.add(new Run(key + "boot without agent", want,
                        () -> java.run(command(List.of("-cp", classPath(boot)), main))));
                runs.add(new Run(key + "indy", want, () -> java.run(command(List.of("-jar", indy.get("app")), jar))));
                runs.add(new Run(key + "static", want,
                        () -> jdk.run(command(List.of("-cp", classPath(statik.get(selection))), main))));
            }
        });
        List<ForkedJava.Result> results = runs.parallelStream().map(run -> run.java().get()).toList();
        for (int i = 0; i < runs.size(); i++) {
            ForkedJava.Result result = results.get(i);
            expected.put(runs.get(i).name(), "exit 0: " + runs.get(i).output());
            actual.put(runs.get(i).name(), "exit " + result.exitCode() + ": " + result.out() + result.err());
        }
    }

    /** Returns the options followed by the arguments, for {@link ForkedJava#run}. */
    private static Object[] command(List<?> options, String... arguments) {
        List<Object> all = new ArrayList<>(options);
        all.addAll(List.of(arguments));
        return all.toArray();
    }

    /** One run of the program: what it is, what it must print, and how to start it. */
    private record Run(String name, String output, Supplier<ForkedJava.Result> java) {
    }

    /**
     * Links inputs into {@code dir/name/}; the library is linked too when it is an input, and copied unlinked when it
     * is on the classpath, so that {@code app.jar}'s {@code Class-Path: lib.jar} finds it.
     */
    private static Map<String, Path> link(String name, List<Path> inputs, List<Path> classpath, LinkMode mode,
            String selection) throws Exception {
        Path out = dir.resolve(name);
        Files.createDirectories(out);
        List<Path> outputs = inputs.stream().map(input -> out.resolve(input.getFileName())).toList();
        Linker.link(request(inputs, classpath, outputs, mode, selection));
        for (Path jar : classpath) {
            Files.copy(jar, out.resolve(jar.getFileName()));
        }
        return Map.of("lib", out.resolve("lib.jar"), "app", out.resolve("app.jar"));
    }

    private static LinkRequest request(List<Path> inputs, List<Path> classpath, List<Path> outputs, LinkMode mode,
            String selection) {
        return new LinkRequest(inputs, classpath, outputs, mode, selected(selection == null ? "" : selection), null,
                2, false, true, PatchsiteLog.SILENT);
    }

    /** Returns the variant each group gets for a selection: {@code lib.Hidden} has only {@code fast}. */
    private static Map<String, String> selected(String selection) {
        if (selection.isEmpty()) {
            return Map.of();
        }
        return selection.equals("turbo") ? Map.of(BASE, selection) : Map.of(BASE, selection, HIDDEN, selection);
    }

    private static String classPath(Map<String, Path> jars) {
        return jars.get("app") + File.pathSeparator + jars.get("lib");
    }

    /**
     * The linked table records the bindings of the calls through subclasses like those of direct calls, except that
     * an indy site through a public subclass of a package-private group stays on the trampoline (the bootstrap
     * method could not crack its handle); the agent and static mode reach the default body through the subclass.
     */
    @Test
    void linkedTableBindsCallsThroughSubclasses() throws Exception {
        Map<String, String> bindings = new LinkedHashMap<>();
        for (LinkMode mode : LinkMode.values()) {
            Map<String, Path> linked = link("table-" + mode.label(), List.of(lib, app), List.of(), mode, null);
            List<String> sites = new ArrayList<>();
            for (Site site : LinkTestFiles.linkedTable(linked.get("app")).sites()) {
                sites.add(site.caller().owner() + "." + site.caller().name() + " #" + site.ordinal() + " "
                        + site.via() + " " + site.binding().label());
            }
            bindings.put(mode.label(), String.join(", ", sites));
        }
        assertEquals(Map.of(
                "boot", "app/Main.main #0 app/Sub patch, app/Main.main #1 null patch,"
                        + " app/Main.main #2 app/SubSub patch, app/Turbo.f #0 app/Sub default, lib/Fast.f #0 null default,"
                        + " app/Main.main #0 lib/Open patch, lib/FastHidden.h #0 null default",
                "indy", "app/Main.main #0 app/Sub indy, app/Main.main #1 null indy, app/Main.main #2 app/SubSub indy,"
                        + " app/Turbo.f #0 app/Sub default, lib/Fast.f #0 null default,"
                        + " app/Main.main #0 lib/Open trampoline:access, lib/FastHidden.h #0 null default",
                "static", "app/Main.main #0 app/Sub direct, app/Main.main #1 null direct,"
                        + " app/Main.main #2 app/SubSub direct, app/Turbo.f #0 app/Sub default,"
                        + " lib/Fast.f #0 null default, app/Main.main #0 lib/Open direct,"
                        + " lib/FastHidden.h #0 null default"), bindings);
    }
}
