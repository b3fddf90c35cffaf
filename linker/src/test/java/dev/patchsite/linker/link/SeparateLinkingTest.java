package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;


import dev.patchsite.linker.table.LinkMode;
import dev.patchsite.testdata.Samples;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invariant 8 for a library and an application linked in separate builds (issue 8, item 1): {@code sample-lib.jar}
 * linked on its own, and {@code sample-app.jar} linked with {@code --classpath} the unlinked or the linked library,
 * or one of the two left unlinked, run together on one class path in either order, print exactly what
 * {@link SampleOutput} gives for the selection: boot mode with {@code -javaagent} and without it, indy mode, and
 * static mode when both are linked static with the same {@code --select}. The selection is forced with
 * {@code -Dpatchsite.select.…} (to {@code default} and to each variant), and left to the probes with no property
 * (the expected output is then the one the probes select on this machine: {@code HypervisorProbe} holds on a
 * virtual machine). {@code patchsite verify} passes each linked jar with the class path it was linked with.
 *
 * <p>The runtime is on the class path of every run that needs it (a library relies on its dependency on
 * {@code patchsite-runtime}); the application, an executable jar, also carries it when linked.
 */
class SeparateLinkingTest {

    @TempDir
    static Path dir;

    private static Path lib;
    private static Path app;
    private static Path agent;
    private static final Map<LinkMode, Path> LINKED_LIB = new EnumMap<>(LinkMode.class);
    private static final Map<LinkMode, Path> APP_VS_LIB = new EnumMap<>(LinkMode.class);
    private static final Map<LinkMode, Path> APP_VS_LINKED_LIB = new EnumMap<>(LinkMode.class);
    /** The app (linked against the linked lib) and the lib, linked static with each of {@link #STATIC_SELECTIONS}. */
    private static final Map<SampleOutput.Selection, Path[]> STATIC = new LinkedHashMap<>();

    /** What the program must print with each selection the runs on JDK 17 force, and with none. */
    private static final List<Case> CASES = new ArrayList<>();

    /** Forced in static links: each variant of each group at least once. */
    private static final List<SampleOutput.Selection> STATIC_SELECTIONS = List.of(selection("numa", "default"),
            selection("paravirt", "enabled"));

    /** The selection the JDK 25 runs force: the super-call and the updatable tracepoint both run their variant. */
    private static final SampleOutput.Selection ON_25 = selection("paravirt", "enabled");

    /** How the two jars are ordered on the class path (followed by the runtime). */
    enum Order {
        APP_FIRST("app:lib"), LIB_FIRST("lib:app");

        private final String label;

        Order(String label) {
            this.label = label;
        }

        String classPath(Path appJar, Path libJar, Path... more) {
            List<Path> entries = new ArrayList<>(this == APP_FIRST ? List.of(appJar, libJar) : List.of(libJar, appJar));
            entries.addAll(List.of(more));
            return Jvms.classPath(entries.toArray(Path[]::new));
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Which of the two jars are linked, and against what. */
    enum Shape {
        /** The Maven multi-module build: the library linked in place, the app linked against the linked library. */
        APP_VS_LINKED_LIB,
        /** The library linked in its own build, the app linked against the library as published (unlinked). */
        APP_VS_UNLINKED_LIB,
        /**
         * The app linked, run with the library as published: the library's own calls of its functions are linked
         * nowhere and run the default whatever is selected (the link warns), so only the default is compared.
         */
        APP_ONLY,
        /** The library linked, the app not. */
        LIB_ONLY;

        Path app(LinkMode mode) {
            return switch (this) {
                case APP_VS_LINKED_LIB -> SeparateLinkingTest.APP_VS_LINKED_LIB.get(mode);
                case APP_VS_UNLINKED_LIB, APP_ONLY -> APP_VS_LIB.get(mode);
                case LIB_ONLY -> app;
            };
        }

        Path lib(LinkMode mode) {
            return this == APP_ONLY ? lib : LINKED_LIB.get(mode);
        }
    }

    /**
     * One selection and what it prints.
     *
     * @param label names it in the list of runs
     * @param properties the system properties that force it, or none
     * @param expected the exact standard output
     */
    record Case(String label, List<String> properties, String expected) {
    }

    @BeforeAll
    static void link() throws Exception {
        lib = Samples.jar(Samples.SAMPLE_LIB);
        app = Samples.jar(Samples.SAMPLE_APP);
        agent = LinkTestFiles.agentJar(dir.resolve("patchsite-runtime.jar"));
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            String label = mode.label();
            LINKED_LIB.put(mode, link(label + "/lib.jar", lib, mode, Map.of()));
            APP_VS_LIB.put(mode, link(label + "/app-vs-lib.jar", app, mode, Map.of(), lib));
            APP_VS_LINKED_LIB.put(mode, link(label + "/app-vs-linked-lib.jar", app, mode, Map.of(),
                    LINKED_LIB.get(mode)));
        }
        for (SampleOutput.Selection selection : STATIC_SELECTIONS) {
            String name = "static-" + selection.spinLock() + "-" + selection.lockEvents();
            Map<String, String> select = Map.of(SampleOutput.SPIN_LOCK, selection.spinLock(),
                    SampleOutput.LOCK_EVENTS, selection.lockEvents());
            Path linkedLib = link(name + "/lib.jar", lib, LinkMode.STATIC, select);
            Path linkedApp = link(name + "/app.jar", app, LinkMode.STATIC, select, linkedLib);
            STATIC.put(selection, new Path[] {linkedApp, linkedLib});
        }
        CASES.add(new Case("-D…=default", selection("default", "default").properties(), SampleOutput.DEFAULT));
        SampleOutput.Selection probed = probed();
        CASES.add(new Case("no property (probes select SpinLock=" + probed.spinLock() + ")", List.of(),
                probed.expected()));
        for (SampleOutput.Selection forced : List.of(selection("numa", "default"), ON_25)) {
            CASES.add(new Case(forced.toString(), forced.properties(), forced.expected()));
        }
    }

    /** Today (before issue 8) the app first on the class path made the default recurse: the report's first finding. */
    @Test
    void unlinkedProgramRunsTheDefaultInEitherOrder() {
        Outcomes outcomes = new Outcomes();
        for (Order order : Order.values()) {
            outcomes.expect(order + ", unlinked", SampleOutput.DEFAULT,
                    Jvms.JDK17.run("-cp", order.classPath(app, lib), SampleOutput.MAIN));
        }
        outcomes.assertAll();
    }

    /**
     * On JDK 17: each shape, in each mode that binds at run time, with the default selected explicitly and with each
     * variant forced, each in one class-path order per mode, the orders alternating from mode to mode so that every
     * selection meets both orders in every shape; and in one mode per shape (a different one from shape to shape) with
     * no property. Three or four runs per mode where eight would take the suite past its time budget.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    void separatelyLinkedJarsRunAsTheUnlinkedProgram(Shape shape) {
        Outcomes outcomes = new Outcomes();
        for (Launch launch : Launch.RUNTIME) {
            for (int i = 0; i < CASES.size(); i++) {
                Case selection = CASES.get(i);
                if (selection.properties().isEmpty() && launch.ordinal() != shape.ordinal() % Launch.RUNTIME.size()
                        || shape == Shape.APP_ONLY && !selection.expected().equals(SampleOutput.DEFAULT)) {
                    continue;
                }
                Order order = Order.values()[(i + launch.ordinal() + shape.ordinal()) % 2];
                outcomes.expect(order + ", " + launch + ", " + selection.label(), selection.expected(),
                        run(Jvms.JDK17, shape, launch, order, selection.properties()));
            }
        }
        outcomes.assertAll();
    }

    /** On JDK 25: each shape in each mode, with both groups' variants forced, the order alternating by mode. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    void separatelyLinkedJarsRunAsTheUnlinkedProgramOnJdk25(Shape shape) {
        ForkedJava java = Jvms.jdk25();
        Outcomes outcomes = new Outcomes();
        SampleOutput.Selection selection = shape == Shape.APP_ONLY ? selection("default", "default") : ON_25;
        for (Launch launch : Launch.RUNTIME) {
            Order order = Order.values()[launch.ordinal() % 2];
            outcomes.expect(order + ", " + launch + ", " + selection, selection.expected(),
                    run(java, shape, launch, order, selection.properties()));
        }
        outcomes.assertAll();
    }

    /**
     * Both linked static with the same {@code --select}, run without any runtime: on JDK 17 each selection in one
     * order (app first for the first, lib first for the second), on JDK 25 with both groups' variants.
     */
    @Test
    void separatelyLinkedStaticJarsRunTheirSelection() {
        ForkedJava jdk25 = ForkedJava.jdk25().isPresent() ? Jvms.jdk25() : null;
        Outcomes outcomes = new Outcomes();
        int i = 0;
        for (Map.Entry<SampleOutput.Selection, Path[]> linked : STATIC.entrySet()) {
            Path[] jars = linked.getValue();
            Order order = Order.values()[i++ % 2];
            String classPath = order.classPath(jars[0], jars[1]);
            outcomes.expect("JDK 17, " + order + ", static " + linked.getKey(), linked.getKey().expected(),
                    Jvms.JDK17.run("-cp", classPath, SampleOutput.MAIN));
            if (jdk25 != null && linked.getKey().equals(ON_25)) {
                outcomes.expect("JDK 25, " + order + ", static " + linked.getKey(), linked.getKey().expected(),
                        jdk25.run("-cp", classPath, SampleOutput.MAIN));
            }
        }
        outcomes.assertAll();
    }

    /**
     * The app linked against the library as published: the library's own calls of its functions (the contended
     * slow path, the tracepoint) can be bound by no link of the app, and the link says so, naming the jar to link;
     * against the linked library it has nothing to say.
     */
    @Test
    void anAppLinkedAgainstAnUnlinkedLibraryWarnsOfTheLibrarysOwnSites() {
        CoreRun.Outcome alone = CoreRun.link(app, dir.resolve("warned/app.jar"), LinkMode.BOOT, lib).assertOk();
        assertEquals(List.of(lib + ": 2 sites of the program in classes this link only reads, of functions"
                + " whose group is linked nowhere, call the functions' own bodies whatever is selected; link"
                + " sample-lib.jar too"), alone.warnings());
        CoreRun.link(app, dir.resolve("quiet/app.jar"), LinkMode.BOOT, LINKED_LIB.get(LinkMode.BOOT)).assertQuiet();
    }

    /** {@code verify} passes every jar linked here, given the class path its link had. */
    @Test
    void everyLinkedJarVerifiesWithTheClassPathOfItsLink() {
        List<Supplier<CoreRun.Outcome>> verifications = new ArrayList<>();
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            verifications.add(() -> CoreRun.verify(LINKED_LIB.get(mode)));
            verifications.add(() -> CoreRun.verify(APP_VS_LIB.get(mode), lib));
            verifications.add(() -> CoreRun.verify(APP_VS_LINKED_LIB.get(mode), LINKED_LIB.get(mode)));
        }
        for (Path[] jars : STATIC.values()) {
            verifications.add(() -> CoreRun.verify(jars[1]));
            verifications.add(() -> CoreRun.verify(jars[0], jars[1]));
        }
        CoreRun.assertAllSucceed(verifications);
    }

    private static ForkedJava.Result run(ForkedJava java, Shape shape, Launch launch, Order order,
            List<String> properties) {
        List<String> command = new ArrayList<>(launch.options(agent));
        command.addAll(properties);
        command.add("-cp");
        command.add(order.classPath(shape.app(launch.mode()), shape.lib(launch.mode()), agent));
        command.add(SampleOutput.MAIN);
        return java.run(command.toArray());
    }

    /** Links one jar, as a user would, into {@code dir/output}; the link must succeed. */
    private static Path link(String output, Path input, LinkMode mode, Map<String, String> selections,
            Path... classpath) {
        Path linked = dir.resolve(output);
        CoreRun.link(List.of(input), List.of(linked), mode, selections, List.of(classpath)).assertOk();
        return linked;
    }

    private static SampleOutput.Selection selection(String spinLock, String lockEvents) {
        return SampleOutput.ALL.stream().filter(s -> s.spinLock().equals(spinLock)
                && s.lockEvents().equals(lockEvents)).findFirst().orElseThrow();
    }

    /**
     * Returns the selection the sample's probes make on this machine, with no property: paravirt where
     * {@code HypervisorProbe} holds, else numa where {@code NumaProbe} does, else the default; {@code LockEvents}
     * has no probe.
     */
    private static SampleOutput.Selection probed() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {lib.toUri().toURL()}, null)) {
            String spinLock = holds(loader, "HypervisorProbe") ? "paravirt"
                    : holds(loader, "NumaProbe") ? "numa" : "default";
            return selection(spinLock, "default");
        }
    }

    private static boolean holds(ClassLoader loader, String probe) throws Exception {
        Class<?> type = Class.forName("dev.patchsite.sample.lock." + probe, true, loader);
        return ((BooleanSupplier) type.getConstructor().newInstance()).getAsBoolean();
    }
}
