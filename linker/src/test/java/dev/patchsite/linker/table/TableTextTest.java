package dev.patchsite.linker.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.InputException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The text form of a table: {@link TableWriter} and {@link TableReader} together. */
class TableTextTest {

    private static final MethodRef NANO_TIME = new MethodRef("java/lang/System", "nanoTime", "()J");
    /** A Kotlin-style test name: a space in a method name. */
    private static final MethodRef MY_TEST = new MethodRef("p/Suite", "my test", "(I)V");
    /** A class whose name holds a parenthesis, a comma, an equals sign and a percent sign. */
    private static final MethodRef ODD = new MethodRef("p/Odd(1),x=5%", "hit", "(Lp/Odd(1),x=5%;)V");

    private static final Function CLOCK = new Function("clock", NANO_TIME, false, true);
    private static final Function TEST = new Function(MY_TEST.toString(), MY_TEST, true, false);
    private static final Function HIT = new Function("odd hit", ODD, false, false);

    private static final MethodRef RUN = new MethodRef("p/App", "run", "()V");
    private static final MethodRef COARSE = new MethodRef("p/CoarseClock", "nanoTime", "()J");

    private static final PatchSiteTable TABLE = new PatchSiteTable(
            List.of(CLOCK, TEST, HIT),
            List.of(new Variant("java/lang/System", "coarse", "p/CoarseClock", 5, "p/OnLinux", List.of("clock")),
                    new Variant("p/Suite", "fast lane", "p/FastSuite", 0, null, List.of(TEST.id())),
                    new Variant("p/Odd(1),x=5%", "none", "p/NoOdd", 1, null, List.of())),
            List.of(new Site("clock", RUN, 0, 0, SiteKind.INVOKE, false, 12, 7),
                    new Site("clock", RUN, 11, 0, SiteKind.INVOKE, false, 12, 7),
                    new Site("clock", RUN, 0, 1, SiteKind.REF, false, 0, 20),
                    new Site("clock", COARSE, 0, 0, SiteKind.INVOKE, true, 3, 0),
                    new Site(TEST.id(), new MethodRef("p/Suite", "my other test", "()V"), 0, 0, SiteKind.LDC, false,
                            40, 2),
                    new Site(HIT.id(), new MethodRef("p/Odd(1),x=5%", "<clinit>", "()V"), 0, 0, SiteKind.INVOKE,
                            false, 1, 0)));

    private static final String TEXT = """
            patchsite-table 1
            function clock method=java.lang.System.nanoTime()J declared
            function odd%20hit method=p.Odd%281%29%2Cx%3D5%25.hit(Lp/Odd(1)%2Cx%3D5%25;)V
            function p.Suite.my%20test(I)V updatable
            variant java.lang.System coarse p.CoarseClock priority=5 when=p.OnLinux implements=nanoTime()J
            variant p.Odd%281%29%2Cx%3D5%25 none p.NoOdd priority=1 implements=
            variant p.Suite fast%20lane p.FastSuite priority=0 implements=my%20test(I)V
            site clock p.App.run()V #0 invoke line=12 offset=7
            site clock p.App.run()V #1 ref line=0 offset=20
            site clock p.App.run()V #0 invoke release=11 line=12 offset=7
            site clock p.CoarseClock.nanoTime()J #0 invoke super line=3 offset=0
            site odd%20hit p.Odd%281%29%2Cx%3D5%25.<clinit>()V #0 invoke line=1 offset=0
            site p.Suite.my%20test(I)V p.Suite.my%20other%20test()V #0 ldc line=40 offset=2
            """;

    @TempDir
    Path tmp;

    @Test
    void writesTheDocumentedText() {
        assertEquals(TEXT, TableWriter.toText(TABLE));
    }

    @Test
    void readingWhatWasWrittenGivesAnEqualTable() throws Exception {
        assertEquals(TABLE, read(TableWriter.toText(TABLE)));
    }

    @Test
    void aFileRoundTripsToo() throws Exception {
        Path file = tmp.resolve("baseline.table");
        Files.writeString(file, "# committed baseline\n\n" + TableWriter.toText(TABLE), StandardCharsets.UTF_8);

        assertEquals(TABLE, TableReader.read(file));
    }

    @Test
    void aDefaultIdWhoseClassNameHoldsAParenthesisRoundTrips() throws Exception {
        MethodRef method = new MethodRef("p/Odd(1)", "hit", "()V");
        PatchSiteTable table = new PatchSiteTable(List.of(new Function(method.toString(), method, false, false)),
                List.of(), List.of(new Site(method.toString(), RUN, 0, 0, SiteKind.INVOKE, false, 5, 1)));

        assertEquals(table, read(TableWriter.toText(table)));
    }

    /** A call through a subclass carries {@code via=}, written as a binary name after {@code super}, and reads back. */
    @Test
    void aSiteThroughASubclassRoundTrips() throws Exception {
        Site through = new Site("clock", COARSE, 0, 0, SiteKind.INVOKE, true, 3, 0, Binding.of(Binding.Kind.DEFAULT),
                "p/Sub(1)");
        PatchSiteTable table = new PatchSiteTable(List.of(CLOCK), List.of(), List.of(through));
        String text = TableWriter.toText(table);

        assertEquals("patchsite-table 1\nfunction clock method=java.lang.System.nanoTime()J declared\n"
                + "site clock p.CoarseClock.nanoTime()J #0 invoke super via=p.Sub%281%29 line=3 offset=0 bind=default\n",
                text);
        assertEquals(table, read(text));
        assertEquals("p/Sub(1)", read(text).sites().get(0).via());
    }

    /**
     * A site in a Spring Boot or web archive carries {@code in=}, escaped like an id, after {@code via=}, and reads
     * back; it is not identity, and the JSON form gives it only where there is one.
     */
    @Test
    void aSiteInANestedJarRoundTrips() throws Exception {
        Site nested = new Site("clock", RUN, 0, 0, SiteKind.INVOKE, false, 12, 7, null, null,
                "BOOT-INF/lib/my lib=1.jar", null);
        PatchSiteTable table = new PatchSiteTable(List.of(CLOCK), List.of(), List.of(nested));
        String text = TableWriter.toText(table);

        assertTrue(text.endsWith(" #0 invoke in=BOOT-INF/lib/my%20lib%3D1.jar line=12 offset=7\n"), text);
        assertEquals(table, read(text));
        assertEquals(nested.in(null).key(), read(text).sites().get(0).key());
        assertTrue(TableJson.toJson(table).contains("\"in\": \"BOOT-INF/lib/my lib=1.jar\""),
                TableJson.toJson(table));
    }

    /** A table written before {@code via=} existed reads, its sites naming their groups. */
    @Test
    void aTableWithoutViaReads() throws Exception {
        for (Site site : read(TEXT).sites()) {
            assertEquals(null, site.via(), site::toString);
        }
    }

    /** The JSON form names the subclass only for a call through one. */
    @Test
    void jsonGivesViaOnlyForACallThroughASubclass() {
        PatchSiteTable table = new PatchSiteTable(List.of(CLOCK), List.of(), List.of(
                new Site("clock", RUN, 0, 0, SiteKind.INVOKE, false, 12, 7, null, "p/Sub"),
                new Site("clock", RUN, 0, 1, SiteKind.INVOKE, false, 13, 9)));
        String json = TableJson.toJson(table);

        assertEquals(1, json.split("\"via\"", -1).length - 1, json);
        assertEquals(true, json.contains("\"offset\": 7,\n      \"via\": \"p.Sub\"\n"), json);
    }

    @Test
    void aNegativePriorityRoundTrips() throws Exception {
        PatchSiteTable table = new PatchSiteTable(List.of(CLOCK), List.of(new Variant("java/lang/System", "slow",
                "p/SlowClock", -1, null, List.of("clock"))), List.of());

        assertEquals(table, read(TableWriter.toText(table)));
    }

    @Test
    void anEmptyTableRoundTrips() throws Exception {
        PatchSiteTable empty = new PatchSiteTable(List.of(), List.of(), List.of());

        assertEquals("patchsite-table 1\n", TableWriter.toText(empty));
        assertEquals(empty, read(TableWriter.toText(empty)));
    }

    @Test
    void parseErrorsNameTheSourceAndLine() {
        assertEquals("baseline.table:1: not a patch-site table; the first line must be \"patchsite-table 1\"",
                error("patchsite-declarations 1\n"));
        assertEquals("baseline.table:2: table format version 2 is not supported; this patchsite reads version 1",
                error("# from the future\npatchsite-table 2\n"));
        assertEquals("baseline.table:2: unknown record \"fuction\"; expected linked, function, variant or site",
                error("patchsite-table 1\nfuction p.A.f()V\n"));
        assertEquals("baseline.table:3: unknown field \"colour\"; expected function ID [method=M] [updatable]"
                + " [declared]",
                error("patchsite-table 1\n\nfunction p.A.f()V colour=red\n"));
        assertEquals("baseline.table:3: site of function p.B.g()V, which is not listed above",
                error("patchsite-table 1\nfunction p.A.f()V\nsite p.B.g()V p.App.run()V #0 invoke line=1 offset=0\n"));
        assertEquals("baseline.table: empty; a patch-site table starts with \"patchsite-table 1\"",
                error("# nothing yet\n"));
        assertEquals("baseline.table:2: a line of control characters only",
                error("patchsite-table 1\n\0\0\u0001\n"));
    }

    @Test
    void aSiteListedTwiceIsRefusedAtItsSecondLineInTableOrderOrNot() {
        String head = "patchsite-table 1\nfunction p.A.f()V\n";
        String b = "site p.A.f()V p.B.run()V #0 invoke line=1 offset=0\n";
        String c = "site p.A.f()V p.C.run()V #0 invoke line=1 offset=0\n";
        String d = "site p.A.f()V p.D.run()V #0 invoke line=1 offset=0\n";
        assertEquals("baseline.table:4: site p.A.f()V p.B.run()V #0 is listed twice", error(head + b + b));
        assertEquals("baseline.table:6: site p.A.f()V p.B.run()V #0 is listed twice", error(head + b + c + d + b));
        assertEquals("baseline.table:6: site p.A.f()V p.C.run()V #0 is listed twice", error(head + c + b + d + c));
        assertEquals("baseline.table:6: site p.A.f()V p.D.run()V #0 is listed twice", error(head + d + c + b + d));
    }

    @Test
    void callersReadAfterAnotherOfTheirClassAreReadWhole() throws Exception {
        // The reader takes a caller's class and descriptor from the site before when they are the same text.
        PatchSiteTable table = read("patchsite-table 1\nfunction p.A.f()V\n"
                + "site p.A.f()V p.B.run()V #0 invoke line=1 offset=0\n"
                + "site p.A.f()V p.B.run(I)V #0 invoke line=1 offset=0\n"
                + "site p.A.f()V p.B.s%20x(I)V #0 invoke line=1 offset=0\n"
                + "site p.A.f()V p.B.t(I)V #0 invoke line=1 offset=0\n"
                + "site p.A.f()V p.Bx.t(I)V #0 invoke line=1 offset=0\n"
                + "site p.A.f()V p/Bx.t(I)V #1 invoke line=1 offset=0\n"
                + "site p.A.f()V q.Bx.t(I)V #0 invoke line=1 offset=0\n");
        assertEquals(List.of(new MethodRef("p/B", "run", "()V"), new MethodRef("p/B", "run", "(I)V"),
                new MethodRef("p/B", "s x", "(I)V"), new MethodRef("p/B", "t", "(I)V"),
                new MethodRef("p/Bx", "t", "(I)V"), new MethodRef("q/Bx", "t", "(I)V")),
                table.sites().stream().map(Site::caller).distinct().toList());
        assertEquals(7, table.sites().size());
    }

    @Test
    void fieldErrorsNameTheField() {
        String head = "patchsite-table 1\nfunction p.A.f()V\nsite p.A.f()V p.B.run()V #0 invoke ";
        assertEquals("baseline.table:3: \"line\" given twice", error(head + "line=1 line=2 offset=0\n"));
        assertEquals("baseline.table:3: \"line\" needs a value: line=...", error(head + "line offset=0\n"));
        assertEquals("baseline.table:3: \"super\" takes no value", error(head + "super=1 line=1 offset=0\n"));
        assertEquals("baseline.table:3: line= and offset= come together, or neither (a baseline's site)",
                error(head + "line=1\n"));
        assertEquals("baseline.table:3: source= needs a file name", error(head + "source=\n"));
        assertEquals("baseline.table:3: unknown field \"x\"; expected site FUNCTION CALLER #ORDINAL KIND [release=N]"
                + " [super] [via=CLASS] [in=PATH] [source=FILE] [line=N offset=N] [bind=B]",
                error(head + "line=1 x y offset=0\n"));
    }

    @Test
    void aTableWithoutPositionsRoundTripsAndDiffersFromItsSourceOnlyInPositions() throws Exception {
        PatchSiteTable bare = TABLE.withoutPositions();
        String text = TableWriter.toText(bare);

        assertEquals(TEXT.replaceAll(" line=\\d+ offset=\\d+", ""), text);
        assertEquals(bare, read(text));
        assertEquals(TABLE.sites().stream().map(Site::key).toList(), bare.sites().stream().map(Site::key).toList());
        bare.sites().forEach(site -> assertEquals(false, site.hasPosition(), site.toString()));
    }

    @Test
    void anUnconventionalSourceFileRoundTripsAndAConventionalOneIsNotWritten() throws Exception {
        Site kotlin = new Site("clock", RUN, 0, 0, SiteKind.INVOKE, false, 12, 7).withSourceFile("App Main.kt");
        Site java = new Site("clock", new MethodRef("p/App$1", "run", "()V"), 0, 0, SiteKind.INVOKE, false, 3, 1)
                .withSourceFile("App.java");
        PatchSiteTable table = new PatchSiteTable(List.of(CLOCK), List.of(), List.of(kotlin, java));
        String text = TableWriter.toText(table);

        assertEquals("""
                patchsite-table 1
                function clock method=java.lang.System.nanoTime()J declared
                site clock p.App.run()V #0 invoke source=App%20Main.kt line=12 offset=7
                site clock p.App$1.run()V #0 invoke line=3 offset=1
                """, text);
        assertEquals(table, read(text));
        assertEquals(null, java.sourceFile());
    }

    @Test
    void aFilesErrorsNameTheFile() throws IOException {
        Path file = tmp.resolve("broken.table");
        Files.writeString(file, "patchsite-table 1\nfunction p.A.f()V\nvariant p.A fast p.FastA priority=1"
                + " implements=g()V\n", StandardCharsets.UTF_8);

        assertEquals(file + ":3: variant implements g()V, which is not a function of group p.A listed above",
                assertThrows(InputException.class, () -> TableReader.read(file)).getMessage());
    }

    private static PatchSiteTable read(String text) throws InputException, IOException {
        return TableReader.read(new StringReader(text), "baseline.table");
    }

    private static String error(String text) {
        return assertThrows(InputException.class, () -> read(text)).getMessage();
    }
}
