package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.patchsite.testdata.Samples;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code patchsite diff} for CI: SARIF valid against the SARIF 2.1.0 schema, GitHub annotations on the file and line
 * of the sample's sources ({@code --source-root}), and JSON tables read back by {@code diff}. Version 1 of the sample
 * against version 2: the unlock in {@code Worker.run()} (removed) moved into {@code Worker.release(QLock)} (added).
 */
class DiffCiFormatsTest {

    private static final String UNLOCK =
            "dev.patchsite.sample.lock.SpinLock.unlock(Ldev/patchsite/sample/lock/QLock;)V";

    /** The sources of version 2 laid over those of version 1, as the sample's build lays them. */
    private static final Path V2_SOURCES = Samples.dir().resolveSibling("src").resolve("sample-app-v2/java")
            .toAbsolutePath().normalize();
    private static final Path V1_SOURCES = Samples.dir().resolveSibling("src").resolve("sample-app/java")
            .toAbsolutePath().normalize();
    private static final Path WORKER = V2_SOURCES.resolve("dev/patchsite/sample/app/Worker.java");

    @TempDir
    static Path tables;

    static Path v1Table;

    @TempDir
    Path tmp;

    @BeforeAll
    static void scanVersion1() {
        v1Table = tables.resolve("v1.table");
        Cli.run("scan", "-o", v1Table, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
    }

    private static Cli.Result diff(String format, Object oldInput) {
        return Cli.run("diff", "--format", format, "--source-root", V2_SOURCES, "--source-root", V1_SOURCES,
                oldInput, Samples.jar(Samples.SAMPLE_V2));
    }

    // ---- GitHub annotations

    @Test
    void githubAnnotationsCarryTheFileAndTheLineOfTheNewBuild() throws IOException {
        List<String> lines = diff("github", Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.DIFFERENCE.code())
                .out().lines().toList();

        String file = GithubEscapes.property(WORKER.toString());
        assertEquals("::error file=" + file + ",line=56,title=patchsite%3A site added::dev.patchsite.sample.app"
                + ".Worker.release(Ldev/patchsite/sample/lock/QLock;)V calls " + UNLOCK + " (#0, invoke, line 56)",
                lines.get(0));
        // A removed site's line is the old build's: the annotation names the file only.
        assertEquals("::error file=" + file + ",title=patchsite%3A site removed::dev.patchsite.sample.app.Worker"
                + ".run()V calls " + UNLOCK + " (#0, invoke, line 50)", lines.get(1));
        assertTrue(lines.get(2).startsWith("::error title=patchsite::"), lines.get(2));
        // The line is the call's.
        assertTrue(Files.readAllLines(WORKER).get(56 - 1).contains("SpinLock.unlock("), "line 56 of " + WORKER);
    }

    @Test
    void withoutSourceRootsTheAnnotationsHaveNoFile() {
        String out = Cli.run("diff", "--format", "github", Samples.jar(Samples.SAMPLE),
                Samples.jar(Samples.SAMPLE_V2)).assertClean(ExitCode.DIFFERENCE.code()).out();
        assertTrue(out.lines().allMatch(line -> line.startsWith("::error title=")), out);
    }

    @Test
    void aBaselineWithoutPositionsGivesTheNewLinesStill() throws IOException {
        Path bare = tmp.resolve("baseline.table");
        Cli.run("scan", "--no-positions", "-o", bare, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
        assertEquals(Files.readString(v1Table).replaceAll(" line=\\d+ offset=\\d+", ""), Files.readString(bare));

        String out = diff("github", bare).assertClean(ExitCode.DIFFERENCE.code()).out();
        assertTrue(out.startsWith("::error file=" + GithubEscapes.property(WORKER.toString()) + ",line=56,"), out);
    }

    // ---- SARIF

    @Test
    void sarifIsValidAgainstTheSarif210Schema() throws IOException {
        String sarif = diff("sarif", v1Table).assertClean(ExitCode.DIFFERENCE.code()).out();

        Set<ValidationMessage> problems = schema().validate(sarif, InputFormat.JSON);
        assertEquals(Set.of(), problems, sarif);
        // An empty diff is a valid log too, with no result.
        String same = Cli.run("diff", "--format", "sarif", v1Table, v1Table).assertClean(ExitCode.OK.code()).out();
        assertEquals(Set.of(), schema().validate(same, InputFormat.JSON), same);
        assertEquals(0, new ObjectMapper().readTree(same).at("/runs/0/results").size());
    }

    @Test
    void sarifHasOneRulePerKindOfChangeAndResultsOnTheirLines() throws IOException {
        JsonNode run = new ObjectMapper().readTree(diff("sarif", v1Table).out()).at("/runs/0");

        assertEquals(9, run.at("/tool/driver/rules").size());
        assertEquals("site-added", run.at("/tool/driver/rules/6/id").asText());
        JsonNode added = run.at("/results/0");
        assertEquals("site-added", added.at("/ruleId").asText());
        assertEquals(6, added.at("/ruleIndex").asInt());
        assertEquals("error", added.at("/level").asText());
        assertEquals(WORKER.toUri().toASCIIString(),
                added.at("/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals(56, added.at("/locations/0/physicalLocation/region/startLine").asInt());
        assertEquals("dev.patchsite.sample.app.Worker.release(Ldev/patchsite/sample/lock/QLock;)V",
                added.at("/locations/0/logicalLocations/0/fullyQualifiedName").asText());
        JsonNode removed = run.at("/results/1");
        assertEquals("site-removed", removed.at("/ruleId").asText());
        assertTrue(removed.at("/locations/0/physicalLocation/region").isMissingNode(), removed.toString());
    }

    @Test
    void aSarifResultWithoutASourceFilePointsAtItsTable() throws IOException {
        JsonNode run = new ObjectMapper().readTree(Cli.run("diff", "--format", "sarif", "--fail-on", "added", v1Table,
                Samples.jar(Samples.SAMPLE_V2)).out()).at("/runs/0");

        assertEquals(Samples.jar(Samples.SAMPLE_V2).toAbsolutePath().normalize().toUri().toASCIIString(),
                run.at("/results/0/locations/0/physicalLocation/artifactLocation/uri").asText());
        assertEquals("note", run.at("/results/1/level").asText(), "a removal does not fail --fail-on added");
        assertEquals(v1Table.toUri().toASCIIString(),
                run.at("/results/1/locations/0/physicalLocation/artifactLocation/uri").asText());
    }

    // ---- JSON tables

    @Test
    void aJsonTableIsReadBackAsTheSameTable() throws IOException {
        Path json = tmp.resolve("t.json");
        Cli.run("scan", "--format", "json", "-o", json, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());

        assertEquals("patchsite diff: " + json + " -> " + json + "\nno differences\n",
                Cli.run("diff", json, json).assertClean(ExitCode.OK.code()).out());
        Cli.run("diff", json, v1Table).assertClean(ExitCode.OK.code());
        // Read back and written as text, the JSON table is the text table, byte for byte.
        Path text = tmp.resolve("t.table");
        Cli.run("scan", "-o", text, Samples.jar(Samples.SAMPLE)).assertClean(ExitCode.OK.code());
        assertEquals(Files.readString(v1Table), Files.readString(text));
        String diffJson = Cli.run("diff", "--format", "json", json, Samples.jar(Samples.SAMPLE_V2)).out();
        String diffText = Cli.run("diff", "--format", "json", v1Table, Samples.jar(Samples.SAMPLE_V2)).out();
        assertEquals(diffText.replace(v1Table.toString(), json.toString()), diffJson);
    }

    @Test
    void aBrokenJsonTableIsOneLineNamingTheFile() throws IOException {
        Path json = tmp.resolve("broken.json");
        Files.writeString(json, "{\"format\": \"patchsite-table\", \"version\": 1, \"functions\": [{\"id\": 3}],"
                + " \"variants\": [], \"sites\": []}",
                StandardCharsets.UTF_8);

        Cli.Result result = Cli.run("diff", json, json).assertExit(ExitCode.INPUT.code()).assertNoStackTrace();
        assertEquals(1, result.err().lines().count(), result.err());
        assertTrue(result.err().contains(json + ": functions[0].id: expected a string but found 3"), result.err());
    }

    private static JsonSchema schema() throws IOException {
        try (InputStream in = DiffCiFormatsTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4).getSchema(in);
        }
    }

    /** GitHub's escapes of a workflow command's property value. */
    private static final class GithubEscapes {
        static String property(String text) {
            return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A").replace(":", "%3A")
                    .replace(",", "%2C");
        }
    }
}
