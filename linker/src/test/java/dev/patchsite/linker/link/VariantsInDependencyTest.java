package dev.patchsite.linker.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.LinkException;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.table.LinkMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Invariants 3 and 8 when the variants live in a dependency (issue 8, item 2): a group in jar A, its variants in
 * jar B ({@code fast}, whose {@code upper} super-calls the group's, behind a probe that never holds; {@code plain},
 * which does not super-call), a caller in jar C. Linked as users link them (A alone with B only read, the H2 shape;
 * A and C together with B only read; each jar in its own build against the others, the Maven multi-module shape;
 * all three together), each runs as the unlinked program does with the default and prints each variant's text
 * when it is forced, in every mode, on JDK 17 and 25; {@code patchsite verify} passes each output given the class
 * path of its link, and fails the one shape no link can make safe.
 */
class VariantsInDependencyTest {

    static final String GROUP = "dep.a.Text";
    static final String MAIN = "dep.c.Main";

    private static final String TEXT = """
            package dep.a;

            import dev.patchsite.RuntimeStatic;

            public final class Text {
                private Text() {
                }

                @RuntimeStatic
                public static String upper(String s) {
                    return "default";
                }

                @RuntimeStatic
                public static String lower(String s) {
                    return "default";
                }

                /** Sites inside the group's own jar. */
                public static String both(String s) {
                    return upper(s) + "/" + lower(s);
                }
            }
            """;

    private static final String FAST = """
            package dep.b;

            import dep.a.Text;
            import dev.patchsite.Variant;

            @Variant(of = Text.class, name = "fast", when = Never.class, priority = 10)
            public final class FastText {
                private FastText() {
                }

                public static String upper(String s) {
                    return "fast(" + Text.upper(s) + ")"; // a super-call: the default, never recursion
                }
            }
            """;

    private static final String PLAIN = """
            package dep.b;

            import dep.a.Text;
            import dev.patchsite.Variant;

            @Variant(of = Text.class, name = "plain")
            public final class PlainText {
                private PlainText() {
                }

                public static String upper(String s) {
                    return "plain";
                }

                public static String lower(String s) {
                    return "plain";
                }
            }
            """;

    private static final String NEVER = """
            package dep.b;

            import java.util.function.BooleanSupplier;

            public final class Never implements BooleanSupplier {
                @Override
                public boolean getAsBoolean() {
                    return false;
                }
            }
            """;

    private static final String CALLER = """
            package dep.c;

            import dep.a.Text;
            import java.util.function.UnaryOperator;

            public final class Main {
                public static void main(String[] args) {
                    System.out.println("direct upper -> " + Text.upper("x"));
                    System.out.println("direct lower -> " + Text.lower("x"));
                    UnaryOperator<String> upper = Text::upper;
                    System.out.println("method-ref upper -> " + upper.apply("x"));
                    System.out.println("in-group both -> " + Text.both("x"));
                }
            }
            """;

    /** The selections the JDK 17 runs force in every mode. */
    private static final List<String> FORCED = List.of("default", "fast", "plain");

    @TempDir
    static Path dir;

    private static Path a;
    private static Path b;
    private static Path c;
    private static Path agent;
    private static final Map<Shape, Map<LinkMode, Path[]>> LINKED = new LinkedHashMap<>();
    /** Linked static by shape and selected variant. */
    private static final Map<Shape, Map<String, Path[]>> STATIC = new LinkedHashMap<>();
    /** Each link of the shapes, with its warnings. */
    private static final List<Link> LINKS = new ArrayList<>();
    /** The verifications that must pass: the linked jars of each link, with the class path it had. */
    private static final List<Supplier<CoreRun.Outcome>> VERIFICATIONS = new ArrayList<>();

    /** How the three jars are linked. */
    enum Shape {
        /** A alone, B only read ({@code --classpath}), C unlinked: H2's jar with variants in a dependency. */
        GROUP_ALONE_VARIANTS_READ(false),
        /** A and C linked together, B only read. */
        GROUP_AND_CALLER_VARIANTS_READ(true),
        /** Each jar linked in its own build against the linked jars before it: A, then B, then C. */
        EACH_IN_ITS_OWN_BUILD(true),
        /** A, B and C linked together. */
        ALL_TOGETHER(true);

        private final boolean callerLinked;

        Shape(boolean callerLinked) {
            this.callerLinked = callerLinked;
        }

        /**
         * Returns whether the caller's calls reach the selection. Where the link only read a variant that
         * super-calls the group's function, the group keeps its functions' bodies (issue 8: no trampoline, with a
         * warning), so the calls of a caller no link saw run the default.
         */
        boolean callerFollowsSelection() {
            return callerLinked;
        }
    }

    @BeforeAll
    static void compileAndLink() throws Exception {
        Path aClasses = LinkTestFiles.compile(dir.resolve("a"), Map.of("dep.a.Text", TEXT));
        Path bClasses = LinkTestFiles.compile(dir.resolve("b"), Map.of("dep.b.FastText", FAST, "dep.b.PlainText",
                PLAIN, "dep.b.Never", NEVER), aClasses);
        Path cClasses = LinkTestFiles.compile(dir.resolve("c"), Map.of(MAIN, CALLER), aClasses);
        a = LinkTestFiles.jar(aClasses, dir.resolve("in/a.jar"), null);
        b = LinkTestFiles.jar(bClasses, dir.resolve("in/b.jar"), null);
        c = LinkTestFiles.jar(cClasses, dir.resolve("in/c.jar"), MAIN);
        agent = LinkTestFiles.agentJar(dir.resolve("patchsite-runtime.jar"));
        for (LinkMode mode : List.of(LinkMode.BOOT, LinkMode.INDY)) {
            for (Shape shape : Shape.values()) {
                LINKED.computeIfAbsent(shape, s -> new LinkedHashMap<>()).put(mode,
                        link(shape, mode.label(), mode, Map.of()));
            }
        }
        for (Shape shape : List.of(Shape.GROUP_ALONE_VARIANTS_READ, Shape.GROUP_AND_CALLER_VARIANTS_READ,
                Shape.ALL_TOGETHER)) {
            for (String variant : List.of("fast", "plain")) {
                STATIC.computeIfAbsent(shape, s -> new LinkedHashMap<>()).put(variant, link(shape,
                        "static-" + variant, LinkMode.STATIC, Map.of(GROUP, variant)));
            }
        }
    }

    /**
     * Links the three jars into {@code dir/label/shape/} as the shape says, records the verify commands with the
     * class path of each link, and returns the class path to run: A, B, C (each linked or not).
     */
    private static Path[] link(Shape shape, String label, LinkMode mode, Map<String, String> selections) {
        Path out = dir.resolve(label).resolve(shape.name().toLowerCase(Locale.ROOT));
        return switch (shape) {
            case GROUP_ALONE_VARIANTS_READ -> {
                Path linkedA = linkOne(out, a, mode, selections, b);
                yield new Path[] {linkedA, b, c};
            }
            case GROUP_AND_CALLER_VARIANTS_READ -> {
                linkTogether(out, List.of(a, c), mode, selections, b);
                yield new Path[] {out.resolve("a.jar"), b, out.resolve("c.jar")};
            }
            case EACH_IN_ITS_OWN_BUILD -> {
                Path linkedA = linkOne(out, a, mode, selections);
                Path linkedB = linkOne(out, b, mode, selections, linkedA);
                Path linkedC = linkOne(out, c, mode, selections, linkedA, linkedB);
                yield new Path[] {linkedA, linkedB, linkedC};
            }
            case ALL_TOGETHER -> {
                linkTogether(out, List.of(a, b, c), mode, selections);
                yield new Path[] {out.resolve("a.jar"), out.resolve("b.jar"), out.resolve("c.jar")};
            }
        };
    }

    private static Path linkOne(Path out, Path input, LinkMode mode, Map<String, String> selections,
            Path... classpath) {
        linkTogether(out, List.of(input), mode, selections, classpath);
        return out.resolve(input.getFileName());
    }

    /**
     * Links inputs into a directory, each to its file name, as a user would; the link must succeed. Records the
     * verification of the outputs with the same class path.
     */
    private static void linkTogether(Path out, List<Path> inputs, LinkMode mode, Map<String, String> selections,
            Path... classpath) {
        List<Path> outputs = inputs.stream().map(input -> out.resolve(input.getFileName())).toList();
        CoreRun.Outcome linked = CoreRun.link(inputs, outputs, mode, selections, List.of(classpath)).assertOk();
        LINKS.add(new Link(linked.what(), inputs, List.of(classpath), linked.warnings()));
        VERIFICATIONS.add(() -> CoreRun.verify(outputs, classpath));
    }

    /**
     * One link of the shapes and what it warned of.
     *
     * @param what the link, for messages
     * @param inputs its inputs
     * @param classpath its class path
     * @param warnings its warnings
     */
    private record Link(String what, List<Path> inputs, List<Path> classpath, List<String> warnings) {
    }

    /** The unlinked program runs every default, whatever the property says. */
    @Test
    void unlinkedProgramRunsTheDefault() {
        Outcomes outcomes = new Outcomes();
        outcomes.expect("unlinked, -D…=fast", expected("default", true),
                Jvms.JDK17.run("-Dpatchsite.select." + GROUP + "=fast", "-cp", Jvms.classPath(a, b, c), MAIN));
        outcomes.assertAll();
    }

    /**
     * On JDK 17: each shape in each mode with the default and each variant forced, and in one mode per shape (a
     * different one from shape to shape) with no property, where no probe holds.
     */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    void linkedProgramRunsTheSelection(Shape shape) {
        Outcomes outcomes = new Outcomes();
        for (Launch launch : Launch.RUNTIME) {
            Path[] jars = LINKED.get(shape).get(launch.mode());
            for (String variant : FORCED) {
                outcomes.expect(launch + ", -D…=" + variant, expected(variant, shape.callerFollowsSelection()),
                        run(Jvms.JDK17, jars, launch, variant));
            }
            if (launch.ordinal() == shape.ordinal() % Launch.RUNTIME.size()) {
                outcomes.expect(launch + ", no property", expected("default", shape.callerFollowsSelection()),
                        run(Jvms.JDK17, jars, launch, null));
            }
        }
        for (Map.Entry<String, Path[]> linked : STATIC.getOrDefault(shape, Map.of()).entrySet()) {
            outcomes.expect("static --select " + linked.getKey(),
                    expected(linked.getKey(), shape.callerFollowsSelection()),
                    run(Jvms.JDK17, linked.getValue(), Launch.STATIC, null));
        }
        outcomes.assertAll();
    }

    /** On JDK 25: each shape in each mode with the super-calling variant forced. */
    @ParameterizedTest(name = "{0}")
    @EnumSource(Shape.class)
    void linkedProgramRunsTheSelectionOnJdk25(Shape shape) {
        ForkedJava java = Jvms.jdk25();
        Outcomes outcomes = new Outcomes();
        for (Launch launch : Launch.RUNTIME) {
            outcomes.expect(launch + ", -D…=fast", expected("fast", shape.callerFollowsSelection()),
                    run(java, LINKED.get(shape).get(launch.mode()), launch, "fast"));
        }
        Path[] statik = STATIC.getOrDefault(shape, Map.of()).get("fast");
        if (statik != null) {
            outcomes.expect("static --select fast", expected("fast", shape.callerFollowsSelection()),
                    run(java, statik, Launch.STATIC, null));
        }
        outcomes.assertAll();
    }

    /**
     * A link that rewrites A while only reading B warns that A keeps its functions' bodies, naming the super-calling
     * variant; the other links warn of nothing.
     */
    @Test
    void linkWarnsWhereTheGroupKeepsItsBodies() {
        Map<String, String> expected = new LinkedHashMap<>();
        Map<String, String> actual = new LinkedHashMap<>();
        for (Link link : LINKS) {
            boolean readsB = link.inputs().get(0).equals(a) && link.classpath().contains(b);
            expected.put(link.what(), readsB ? "warns that dep.a.Text keeps its bodies for dep/b/FastText" : "[]");
            List<String> warnings = link.warnings();
            actual.put(link.what(), warnings.size() == 1
                    && warnings.get(0).startsWith("dep.a.Text keeps its functions' bodies")
                    && warnings.get(0).contains("dep/b/FastText.class")
                    ? "warns that dep.a.Text keeps its bodies for dep/b/FastText" : warnings.toString());
        }
        assertEquals(expected, actual);
    }

    /** {@code verify} passes the jars of each link, given the class path the link had. */
    @Test
    void everyLinkVerifiesWithItsClassPath() {
        CoreRun.assertAllSucceed(VERIFICATIONS);
    }

    /**
     * The shape no link can make safe: A linked in its own build (its functions are trampolines), then C linked
     * against it and against B as published (never linked). B's super-call {@code Text.upper} would reach A's
     * trampoline, so forcing {@code fast} would recurse: the link refuses, naming the variant and the function.
     */
    @Test
    void linkRefusesAVariantNeverLinkedWhoseSuperCallWouldRecurse() {
        Path linkedA = dir.resolve("unsafe-link/a.jar");
        CoreRun.link(a, linkedA, LinkMode.BOOT).assertOk();
        assertRecursionNamed(CoreRun.link(c, dir.resolve("unsafe-link/c.jar"), LinkMode.BOOT, linkedA, b)
                .assertFails(LinkException.class));
    }

    /**
     * The same shape reached without a link to refuse it: C linked against A and B as published (safe so far), then
     * run with A linked in its own build. Forcing {@code fast} recurses; {@code verify} given the class path the
     * program runs with must say so, as the link would have.
     */
    @Test
    void verifyFailsAVariantNeverLinkedWhoseSuperCallWouldRecurse() {
        Path linkedA = dir.resolve("unsafe-verify/a.jar");
        Path linkedC = dir.resolve("unsafe-verify/c.jar");
        CoreRun.link(a, linkedA, LinkMode.BOOT).assertOk();
        CoreRun.link(c, linkedC, LinkMode.BOOT, a, b).assertOk();
        CoreRun.verify(linkedC, a, b).assertOk();
        assertRecursionNamed(CoreRun.verify(linkedC, linkedA, b).assertFails(ValidationException.class));
    }

    private static void assertRecursionNamed(String err) {
        assertTrue(err.contains("FastText") && err.contains("dep.a.Text.upper(")
                && err.contains("recurses"), () -> "the message names the variant, the function and the recursion:\n"
                + err);
    }

    private static ForkedJava.Result run(ForkedJava java, Path[] jars, Launch launch, String variant) {
        List<String> command = new ArrayList<>(launch.options(agent));
        if (variant != null) {
            command.add("-Dpatchsite.select." + GROUP + "=" + variant);
        }
        command.add("-cp");
        command.add(launch == Launch.STATIC ? Jvms.classPath(jars) : Jvms.classPath(jars[0], jars[1], jars[2], agent));
        command.add(MAIN);
        return java.run(command.toArray());
    }

    /**
     * Returns what {@code dep.c.Main} prints when the variant runs: {@code fast} implements {@code upper} (and
     * super-calls the default), {@code plain} both functions.
     *
     * @param variant the selection
     * @param callerFollows whether the caller's own calls reach it (else they run the default)
     */
    static String expected(String variant, boolean callerFollows) {
        String upper = switch (variant) {
            case "fast" -> "fast(default)";
            case "plain" -> "plain";
            default -> "default";
        };
        String lower = variant.equals("plain") ? "plain" : "default";
        String callerUpper = callerFollows ? upper : "default";
        String callerLower = callerFollows ? lower : "default";
        return "direct upper -> " + callerUpper + "\n"
                + "direct lower -> " + callerLower + "\n"
                + "method-ref upper -> " + callerUpper + "\n"
                + "in-group both -> " + upper + "/" + lower + "\n";
    }
}
