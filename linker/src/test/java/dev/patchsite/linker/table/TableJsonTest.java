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
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The JSON form of a table: {@link TableJson} writes it and reads it back, strictly. */
class TableJsonTest {

    private static final MethodRef NANO_TIME = new MethodRef("java/lang/System", "nanoTime", "()J");
    private static final MethodRef SLOWPATH = new MethodRef("p/Lock", "slow path", "(I)V");
    private static final MethodRef RUN = new MethodRef("p/App", "run", "()V");

    private static final Function CLOCK = new Function("clock", NANO_TIME, false, true);
    private static final Function SLOW = new Function(SLOWPATH.toString(), SLOWPATH, true, false);

    /** Every attribute a record may have, with and without a position, through a subclass, bound, in Kotlin. */
    private static final PatchSiteTable TABLE = new PatchSiteTable(
            List.of(CLOCK, SLOW),
            List.of(new Variant("p/Lock", "numa", "p/NumaLock", -3, "p/OnNuma", List.of(SLOW.id())),
                    new Variant("java/lang/System", "coarse", "p/CoarseClock", 5, null, List.of())),
            List.of(new Site("clock", RUN, 0, 0, SiteKind.INVOKE, false, 12, 7, Binding.ofLabel("patch"), null),
                    new Site("clock", RUN, 11, 1, SiteKind.REF, false, 0, 20).withoutPosition(),
                    new Site(SLOW.id(), new MethodRef("p/NumaLock", "slow path", "(I)V"), 0, 0, SiteKind.INVOKE,
                            true, 3, 0, null, "p/FastLock").withSourceFile("NumaLock.kt"),
                    new Site(SLOW.id(), RUN, 0, 0, SiteKind.LDC, false, 1, 2)),
            LinkMode.STATIC, Map.of("p.Lock", "numa"));

    @TempDir
    Path tmp;

    @Test
    void readingWhatWasWrittenGivesAnEqualTable() throws Exception {
        String json = TableJson.toJson(TABLE);

        assertEquals(TABLE, read(json));
        assertEquals(json, TableJson.toJson(read(json)));
        assertEquals(TableWriter.toText(TABLE), TableWriter.toText(read(json)));
    }

    @Test
    void anEmptyTableAndAnUnlinkedOneRoundTrip() throws Exception {
        PatchSiteTable empty = new PatchSiteTable(List.of(), List.of(), List.of());
        PatchSiteTable unlinked = new PatchSiteTable(TABLE.functions(), TABLE.variants(), TABLE.sites());

        assertEquals(empty, read(TableJson.toJson(empty)));
        assertEquals(unlinked, read(TableJson.toJson(unlinked)));
    }

    @Test
    void aFileIsReadAsJsonWhenItStartsWithAnObject() throws Exception {
        Path json = tmp.resolve("t.json");
        Files.writeString(json, "\n  " + TableJson.toJson(TABLE), StandardCharsets.UTF_8);
        Path text = tmp.resolve("t.table");
        Files.writeString(text, TableWriter.toText(TABLE), StandardCharsets.UTF_8);

        assertEquals(TABLE, TableReader.read(json));
        assertEquals(TableReader.read(text), TableReader.read(json));
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
            {                                                    | t.json: line 1, column 2: expected a member name but found the end of the input
            {"format": "patchsite-table", "version": 1} x        | t.json: line 1, column 45: unexpected 'x' after the value
            {"format": "patchsite-table", "format": 1}           | t.json: line 1, column 40: member "format" given twice
            {"format": "patchsite-declarations", "version": 1}   | t.json: not a patch-site table: "format" must be "patchsite-table"
            []                                                   | t.json: the document: expected an object but found an array
            {"format": "patchsite-table", "version": 2}          | t.json: table format version 2 is not supported; this patchsite reads version 1
            {"format": "patchsite-table", "version": 1.0}        | t.json: line 1, column 43: a number with a fraction or exponent; a table holds integers only
            {"format": "patchsite-table", "version": 1}          | t.json: functions: expected an array but found null
            `{"format": "patchsite-table", "version": 1, "functions": [], "variants": [], "sites": [], "x": 0}` | t.json: x: unknown member
            `{"format": "patchsite-table", "version": 1, "functions": [{"id": "f"}], "variants": [], "sites": []}` | t.json: functions[0].group: expected a non-empty string but found null
            `{"format": "patchsite-table", "version": 1, "functions": [7], "variants": [], "sites": []}` | t.json: functions[0]: expected an object but found 7
            `{"format": "patchsite-table", "version": 1, "linked": "fast", "functions": [], "variants": [], "sites": []}` | t.json: linked: expected one of boot, indy, static
            `{"format": "patchsite-table", "version": 1, "functions": [], "variants": [], "sites": [{"function": "f", "callerClass": "p.A", "callerMethod": "m", "callerDescriptor": "()V", "release": 0, "ordinal": 0, "kind": "invoke", "superCall": false}]}` | t.json: sites[0]: site of function f, which is not listed above
            `{"format": "patchsite-table", "version": 1, "functions": [], "variants": [], "sites": [{"function": "f", "callerClass": "p.A", "callerMethod": "m", "callerDescriptor": "()V", "release": -1}]}` | t.json: sites[0].release: expected an integer of at least 0 but found -1
            `{"format": "patchsite\\q"}`                        | t.json: line 1, column 23: unknown escape \\q
            """)
    void errorsNameTheSourceAndWhereInIt(String json, String message) {
        assertEquals(message, error(json));
    }

    @Test
    void aSiteWithALineButNoOffsetIsRefused() {
        String json = TableJson.toJson(new PatchSiteTable(List.of(CLOCK), List.of(),
                List.of(new Site("clock", RUN, 0, 0, SiteKind.INVOKE, false, 12, 7))));
        assertEquals("t.json: sites[0].offset: expected an integer of at least 0 but found null",
                error(json.replace("\"offset\": 7", "\"offsetX\": 7")));
    }

    @Test
    void hostileInputIsRefusedInBoundedDepthAndLength() {
        String deep = "[".repeat(100_000);
        assertEquals("t.json: line 1, column 34: nested deeper than 32", error(deep));
        String longString = "{\"format\": \"" + "x".repeat(70_000) + "\"}";
        assertTrue(error(longString).endsWith("a string longer than 65536 characters"), error(longString));
        assertEquals("t.json: line 1, column 33: a number of more than 19 digits",
                error("{\"version\": " + "9".repeat(30) + "}"));
        assertEquals("t.json: line 1, column 4: a control character inside a string must be escaped",
                error("{\"a\n\": 1}"));
    }

    @Test
    void anErrorIsOneLineWhateverTheInputHolds() {
        String message = error("{\"format\": \"patchsite-table\", \"version\": 1, \"functions\": [],"
                + " \"variants\": [], \"sites\": [], \"a\\nb\": 1}");
        assertEquals("t.json: a\\nb: unknown member", message);
    }

    private static PatchSiteTable read(String json) throws InputException, IOException {
        return TableJson.read(new StringReader(json), "t.json");
    }

    private static String error(String json) {
        return assertThrows(InputException.class, () -> read(json)).getMessage();
    }
}
