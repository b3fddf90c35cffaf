package dev.patchsite.linker.internal.declarations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.InputException;
import dev.patchsite.linker.PatchsiteException;
import dev.patchsite.linker.RecordedLog;
import dev.patchsite.linker.ScanRequest;
import dev.patchsite.linker.ValidationException;
import dev.patchsite.linker.scan.JavaSources;
import dev.patchsite.linker.scan.Scanner;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.TableWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Proves each rule of {@link DeclarationValidator} by compiling a tiny program at test time, scanning it with
 * {@link Scanner} and comparing the whole list of problems (or warnings, or the table) with what is expected.
 */
class DeclarationValidatorTest {

    /** A group with one public function, {@code p.Group.slowpath(II)V}, that most cases build on. */
    private static final String GROUP = """
            package p;

            import dev.patchsite.RuntimeStatic;

            public class Group {
                @RuntimeStatic
                public static void slowpath(int lock, int val) {
                }
            }
            """;

    @TempDir
    Path tmp;

    private final RecordedLog log = new RecordedLog();
    private int files;

    // ---- rule: a function is a static method with a body

    @Test
    void runtimeStaticMethodMustBeStatic() {
        assertEquals(List.of("p.Group.work(I)V: @RuntimeStatic method is not static; make it static or remove the"
                + " annotation"), problems(Map.of("p.Group", """
                        package p;

                        public class Group {
                            @dev.patchsite.RuntimeStatic
                            public void work(int n) {
                            }
                        }
                        """)));
    }

    @Test
    void runtimeStaticMethodMustNotBeNative() {
        assertEquals(List.of("p.Group.ticks()J: @RuntimeStatic method is native; a function needs a body, its default"
                + " implementation (declare native methods in a declaration file instead)"),
                problems(Map.of("p.Group", """
                        package p;

                        public class Group {
                            @dev.patchsite.RuntimeStatic
                            public static native long ticks();
                        }
                        """)));
    }

    // ---- rule: a variant method implements a function by name and descriptor, is static and accessible

    @Test
    void sameNameOtherDescriptorSuggestsTheFunctionsSignature() {
        assertEquals(List.of("variant numa (p.Numa): slowpath(JI)V does not match function p.Group.slowpath(II)V;"
                + " did you mean public static void slowpath(int, int)?"), problems(Map.of("p.Group", GROUP,
                        "p.Numa", """
                                package p;

                                @dev.patchsite.Variant(of = Group.class, name = "numa")
                                public final class Numa {
                                    public static void slowpath(long lock, int val) {
                                    }
                                }
                                """)));
    }

    @Test
    void anOverloadedHelperBesideTheImplementationIsFine() throws PatchsiteException {
        Path classes = JavaSources.compile(tmp, Map.of("p.Group", GROUP, "p.Numa", """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "numa")
                public final class Numa {
                    public static void slowpath(int lock, int val) {
                        slowpath(lock, val, true);
                    }

                    private static void slowpath(int lock, int val, boolean spin) {
                    }
                }
                """));

        assertEquals(List.of("p.Group.slowpath(II)V"), scan(classes, null).variants().get(0).implemented());
    }

    @Test
    void variantMethodMustBeStatic() {
        assertEquals(List.of("variant numa (p.Numa): slowpath(II)V implements function p.Group.slowpath(II)V but is"
                + " not static; make it static"), problems(Map.of("p.Group", GROUP, "p.Numa", """
                        package p;

                        @dev.patchsite.Variant(of = Group.class, name = "numa")
                        public final class Numa {
                            public void slowpath(int lock, int val) {
                            }
                        }
                        """)));
    }

    @Test
    void variantMethodMustBeAsAccessibleAsTheFunction() {
        assertEquals(List.of("variant numa (p.Numa): slowpath(II)V is package-private but function"
                + " p.Group.slowpath(II)V is public; make it public"), problems(Map.of("p.Group", GROUP,
                        "p.Numa", """
                                package p;

                                @dev.patchsite.Variant(of = Group.class, name = "numa")
                                public final class Numa {
                                    static void slowpath(int lock, int val) {
                                    }
                                }
                                """)));
    }

    @Test
    void variantClassMustBeAsAccessibleAsTheFunction() {
        assertEquals(List.of("variant numa (p.Numa): the class is package-private but function p.Group.slowpath(II)V"
                + " is public; make the class public"), problems(Map.of("p.Group", GROUP, "p.Numa", """
                        package p;

                        @dev.patchsite.Variant(of = Group.class, name = "numa")
                        final class Numa {
                            public static void slowpath(int lock, int val) {
                            }
                        }
                        """)));
    }

    @Test
    void packagePrivateVariantMayImplementAPackagePrivateGroupsFunctions() throws PatchsiteException {
        Path classes = JavaSources.compile(tmp, Map.of("p.Group", """
                package p;

                class Group {
                    @dev.patchsite.RuntimeStatic
                    public static void slowpath(int lock, int val) {
                    }
                }
                """, "p.Numa", """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "numa")
                final class Numa {
                    static void slowpath(int lock, int val) {
                    }
                }
                """));

        assertEquals(List.of("p.Group.slowpath(II)V"), scan(classes, null).variants().get(0).implemented());
        assertEquals(List.of(), log.warnings());
    }

    // ---- rule: a variant names a group that declares functions, and a name of its own there

    @Test
    void variantOfAClassWithoutFunctions() {
        assertEquals(List.of("variant numa (p.Numa): group p.Plain declares no function; annotate its functions with"
                + " @RuntimeStatic or add function lines for them to a declaration file"),
                problems(Map.of("p.Plain", """
                        package p;

                        public class Plain {
                            public static void slowpath(int lock, int val) {
                            }
                        }
                        """, "p.Numa", """
                        package p;

                        @dev.patchsite.Variant(of = Plain.class, name = "numa")
                        public final class Numa {
                            public static void slowpath(int lock, int val) {
                            }
                        }
                        """)));
    }

    @Test
    void twoVariantsOfOneGroupWithTheSameName() {
        String numa = """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "numa")
                public final class %s {
                    public static void slowpath(int lock, int val) {
                    }
                }
                """;
        assertEquals(List.of("group p.Group: variants p.Numa and p.NumaToo are both named \"numa\"; give each variant"
                + " of a group its own name"), problems(Map.of("p.Group", GROUP,
                        "p.Numa", numa.formatted("Numa"), "p.NumaToo", numa.formatted("NumaToo"))));
    }

    @Test
    void variantNameMayHoldOnlyLettersDigitsAndSomePunctuation() {
        String variant = """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "%s")
                public final class %s {
                    public static void slowpath(int lock, int val) {
                    }
                }
                """;
        assertEquals(List.of(
                "variant \"\" (p.Empty): a variant name must not be empty and may hold only letters, digits, '_', '-' and '.'; rename it",
                "variant \"numa fast\" (p.Spaced): a variant name must not be empty and may hold only letters, digits, '_', '-' and '.';"
                        + " rename it",
                "variant \"numa=1\" (p.Equals): a variant name must not be empty and may hold only letters, digits, '_', '-' and '.';"
                        + " rename it"),
                problems(Map.of("p.Group", GROUP,
                        "p.Spaced", variant.formatted("numa fast", "Spaced"),
                        "p.Equals", variant.formatted("numa=1", "Equals"),
                        "p.Empty", variant.formatted("", "Empty"),
                        "p.Fine", variant.formatted("numa-2.x_64", "Fine"))));
    }

    // ---- rule: a probe is a public concrete BooleanSupplier with a public no-argument constructor

    @Test
    void probesMustBePublicConcreteBooleanSuppliersWithAPublicNoArgumentConstructor() throws IOException {
        Map<String, String> sources = new TreeMap<>(Map.of("p.Group", """
                package p;

                public class Group {
                    @dev.patchsite.RuntimeStatic
                    public static void work() {
                    }
                }
                """,
                "p.NotSupplier", probe("public class NotSupplier implements java.util.function.BooleanSupplier {"),
                "p.NoDefaultConstructor", """
                        package p;

                        public class NoDefaultConstructor implements java.util.function.BooleanSupplier {
                            public NoDefaultConstructor(int cpus) {
                            }

                            public boolean getAsBoolean() {
                                return true;
                            }
                        }
                        """,
                "p.AbstractProbe", probe("public abstract class AbstractProbe"
                        + " implements java.util.function.BooleanSupplier {"),
                "p.HiddenProbe", probe("class HiddenProbe implements java.util.function.BooleanSupplier {"),
                "p.GoneProbe", probe("public class GoneProbe implements java.util.function.BooleanSupplier {"),
                "p.BaseProbe", """
                        package p;

                        public abstract class BaseProbe implements java.util.function.BooleanSupplier {
                        }
                        """,
                "p.GoodProbe", probe("public class GoodProbe extends BaseProbe {")));
        for (String probe : List.of("NotSupplier", "NoDefaultConstructor", "AbstractProbe", "HiddenProbe",
                "GoneProbe", "GoodProbe")) {
            String variant = "When" + probe;
            sources.put("p." + variant, """
                    package p;

                    @dev.patchsite.Variant(of = Group.class, name = "%s", when = %s.class)
                    public final class %s {
                        public static void work() {
                        }
                    }
                    """.formatted(probe.toLowerCase(Locale.ROOT), probe, variant));
        }
        Path classes = JavaSources.compile(tmp, sources);
        // A second round makes what javac would not compile together: a when class that is no BooleanSupplier.
        JavaSources.compileTo(classes, tmp.resolve("src2"),
                Map.of("p.NotSupplier", probe("public class NotSupplier {")));
        Files.delete(classes.resolve("p/GoneProbe.class"));

        assertEquals(List.of(
                "variant abstractprobe (p.WhenAbstractProbe): when = p.AbstractProbe is abstract; a probe must be a"
                        + " concrete class",
                "variant goneprobe (p.WhenGoneProbe): when = p.GoneProbe is not in the inputs; add the jar that holds"
                        + " it to the inputs",
                "variant hiddenprobe (p.WhenHiddenProbe): when = p.HiddenProbe is not public; make it public so the"
                        + " runtime can create it",
                "variant nodefaultconstructor (p.WhenNoDefaultConstructor): when = p.NoDefaultConstructor has no"
                        + " public no-argument constructor; add one",
                "variant notsupplier (p.WhenNotSupplier): when = p.NotSupplier does not implement"
                        + " java.util.function.BooleanSupplier; implement it"),
                problems(classes, null));
        assertEquals(List.of(), log.warnings());
    }

    private static String probe(String header) {
        return """
                package p;

                %s
                    public boolean getAsBoolean() {
                        return true;
                    }
                }
                """.formatted(header);
    }

    @Test
    void aProbeThatImplementsBooleanSupplierThroughAnAbstractSuperclassIsFine() throws PatchsiteException {
        Path classes = JavaSources.compile(tmp, Map.of("p.Group", GROUP, "p.BaseProbe", """
                package p;

                public abstract class BaseProbe implements java.util.function.BooleanSupplier {
                }
                """, "p.OnNuma", probe("public class OnNuma extends BaseProbe {"), "p.Numa", """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "numa", when = OnNuma.class, priority = 10)
                public final class Numa {
                    public static void slowpath(int lock, int val) {
                    }
                }
                """));

        assertEquals("""
                patchsite-table 1
                function p.Group.slowpath(II)V
                variant p.Group numa p.Numa priority=10 when=p.OnNuma implements=slowpath(II)V
                """, TableWriter.toText(scan(classes, null)));
        assertEquals(List.of(), log.warnings());
    }

    // ---- rule: inside a variant, a call to its own function is a super-call

    @Test
    void aVariantCallingItsOwnFunctionIsASuperCallButNotWhenItCallsAnother() throws PatchsiteException {
        Path classes = JavaSources.compile(tmp, Map.of("p.Group", """
                package p;

                import dev.patchsite.RuntimeStatic;

                public class Group {
                    @RuntimeStatic
                    public static int work(int n) {
                        return n;
                    }

                    @RuntimeStatic
                    public static int other(int n) {
                        return -n;
                    }
                }
                """, "p.Numa", """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "numa")
                public final class Numa {
                    public static int work(int n) {
                        return Group.work(n) + Group.other(n);
                    }
                }
                """, "p.App", """
                package p;

                public class App {
                    public static void main(String[] args) {
                        Group.work(1);
                    }
                }
                """));

        assertEquals("""
                patchsite-table 1
                function p.Group.other(I)I
                function p.Group.work(I)I
                variant p.Group numa p.Numa priority=0 implements=work(I)I
                site p.Group.other(I)I p.Numa.work(I)I #0 invoke line=6 offset=5
                site p.Group.work(I)I p.App.main([Ljava/lang/String;)V #0 invoke line=5 offset=1
                site p.Group.work(I)I p.Numa.work(I)I #0 invoke super line=6 offset=1
                """, TableWriter.toText(scan(classes, null)));
    }

    // ---- rule: function ids are unique

    @Test
    void twoFunctionsWithTheSameId() {
        assertEquals(List.of("function id \"x\" is used by both p.Group.lock()V and p.Group.unlock()V; give each"
                + " function its own id"), problems(Map.of("p.Group", """
                        package p;

                        import dev.patchsite.RuntimeStatic;

                        public class Group {
                            @RuntimeStatic(id = "x")
                            public static void lock() {
                            }

                            @RuntimeStatic(id = "x")
                            public static void unlock() {
                            }
                        }
                        """)));
    }

    // ---- a variant that implements nothing is a warning, not an error

    @Test
    void aVariantThatImplementsNoFunctionIsAWarning() throws PatchsiteException {
        Path classes = JavaSources.compile(tmp, Map.of("p.Group", GROUP, "p.Numa", """
                package p;

                @dev.patchsite.Variant(of = Group.class, name = "numa")
                public final class Numa {
                    public static void fastpath(int lock, int val) {
                    }
                }
                """));

        PatchSiteTable table = scan(classes, null);

        assertEquals(List.of("variant numa (p.Numa) implements no function of p.Group; every function keeps its"
                + " default when it is selected"), log.warnings());
        assertEquals("variant p.Group numa p.Numa priority=0 implements=",
                TableWriter.variantLine(table.variants().get(0), Map.of()));
    }

    // ---- declaration files: functions in code you do not own

    @Test
    void aDeclaredJdkFunctionHasSitesAndVariants() throws Exception {
        Path classes = JavaSources.compile(tmp, Map.of("p.CoarseClock", """
                package p;

                public final class CoarseClock {
                    public static long nanoTime() {
                        return System.nanoTime() / 1_000_000 * 1_000_000;
                    }
                }
                """, "p.App", """
                package p;

                public class App {
                    public static void main(String[] args) {
                        long start = System.nanoTime();
                        System.out.println(System.nanoTime() - start);
                    }
                }
                """));
        Path declarations = declarations("""
                # the clock of code we do not own
                patchsite-declarations 1
                function java.lang.System.nanoTime()J
                variant java.lang.System coarse p.CoarseClock priority=5
                """);

        assertEquals("""
                patchsite-table 1
                function java.lang.System.nanoTime()J declared
                variant java.lang.System coarse p.CoarseClock priority=5 implements=nanoTime()J
                site java.lang.System.nanoTime()J p.App.main([Ljava/lang/String;)V #0 invoke line=5 offset=0
                site java.lang.System.nanoTime()J p.App.main([Ljava/lang/String;)V #1 invoke line=6 offset=7
                site java.lang.System.nanoTime()J p.CoarseClock.nanoTime()J #0 invoke super line=5 offset=0
                """, TableWriter.toText(scan(classes, declarations)));
        assertEquals(List.of(), log.warnings());
    }

    @Test
    void declaredFunctionsMustExistAndBeStatic() throws Exception {
        Path classes = JavaSources.compile(tmp, Map.of("p.App", """
                package p;

                public class App {
                }
                """));
        Path declarations = declarations("""
                patchsite-declarations 1
                function java.lang.Sytem.nanoTime()J
                function java.lang.System.nanoTime()I
                function java.lang.String.length()I
                variant java.lang.System coarse p.CoarseClock
                """);

        assertEquals(List.of(
                declarations + ":2: function java.lang.Sytem.nanoTime()J: class java.lang.Sytem is not in the inputs"
                        + " or the JDK; check the name, or add the jar that holds it to the inputs",
                declarations + ":3: function java.lang.System.nanoTime()I: java.lang.System has no method"
                        + " nanoTime()I; did you mean nanoTime()J?",
                declarations + ":4: function java.lang.String.length()I: the method is not static; only static"
                        + " methods can be runtime-static functions",
                declarations + ":5: variant coarse: class p.CoarseClock is not in the inputs; check the name, or add"
                        + " the jar that holds it to the inputs"),
                problems(classes, declarations));
    }

    @Test
    void declarationFileSyntaxErrorsNameFileAndLine() throws Exception {
        Path classes = JavaSources.compile(tmp, Map.of("p.App", """
                package p;

                public class App {
                }
                """));

        Path table = declarations("patchsite-table 1\n");
        assertEquals(table + ":1: not a declaration file; the first line must be \"patchsite-declarations 1\"",
                inputError(classes, table));
        Path future = declarations("# from the future\npatchsite-declarations 2\n");
        assertEquals(future + ":2: declaration format version 2 is not supported; this patchsite reads version 1",
                inputError(classes, future));
        Path unknown = declarations("""
                patchsite-declarations 1

                # a typo
                funtion java.lang.System.nanoTime()J
                """);
        assertEquals(unknown + ":4: unknown record \"funtion\"; expected function or variant",
                inputError(classes, unknown));
    }

    // ---- helpers

    /** Compiles the sources, scans them and returns the problems the scan must fail with. */
    private List<String> problems(Map<String, String> sources) {
        return problems(JavaSources.compile(tmp, sources), null);
    }

    private List<String> problems(Path classes, Path declarations) {
        return assertThrows(ValidationException.class, () -> scan(classes, declarations)).problems();
    }

    private String inputError(Path classes, Path declarations) {
        return assertThrows(InputException.class, () -> scan(classes, declarations)).getMessage();
    }

    private PatchSiteTable scan(Path classes, Path declarations) throws PatchsiteException {
        return Scanner.scan(new ScanRequest(List.of(classes), declarations, 2, log));
    }

    /** Writes a declaration file of its own and returns its path. */
    private Path declarations(String text) throws IOException {
        Path file = tmp.resolve("declarations-" + ++files + ".decl");
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return file;
    }
}
