package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The SARIF log's shape; {@code DiffCiFormatsTest} of the CLI validates it against the SARIF 2.1.0 schema. */
class SarifFormatTest {

    private static List<String> values(String sarif, String member) {
        Matcher matcher = Pattern.compile("\"" + member + "\": \"([^\"]*)\"").matcher(sarif);
        return matcher.results().map(m -> m.group(1)).toList();
    }

    @Test
    void nineRulesAlwaysAndOneResultPerDifferenceInTheTextFormatsOrder() {
        String sarif = DiffFormat.SARIF.render(Tables.diff(), "a.table", "b.table", FailPolicy.ADDED);

        assertEquals(List.of("function-added", "function-removed", "function-changed", "variant-added",
                "variant-removed", "variant-changed", "site-added", "site-removed", "site-changed"),
                values(sarif, "id"));
        assertEquals(List.of("site-added", "site-changed", "site-removed", "function-added", "site-added",
                "variant-changed"), values(sarif, "ruleId"));
        assertEquals(List.of("error", "note", "note", "error", "error", "note"), values(sarif, "level"));
        assertTrue(sarif.contains("\"fails\": true"), sarif);
        assertTrue(sarif.startsWith("{\n  \"$schema\": \"" + SarifFormat.SCHEMA + "\",\n  \"version\": \"2.1.0\","),
                sarif);
    }

    @Test
    void withoutSourcesAResultIsOnItsTable() {
        String sarif = DiffFormat.SARIF.render(Tables.diff(), "old dir/a.table", "b.table", FailPolicy.ANY);

        assertEquals(List.of("b.table", "b.table", "old%20dir/a.table", "b.table", "b.table", "b.table"),
                values(sarif, "uri"));
    }

    @Test
    void filesAreUriReferences() {
        assertEquals("src/main/java/p/A%20b.java", SarifFormat.uri("src/main/java/p/A b.java"));
        assertEquals("src/%C3%A9t%C3%A9/A.java", SarifFormat.uri("src/été/A.java"));
        assertEquals(Path.of("/tmp/x y/A.java").toUri().toASCIIString(), SarifFormat.uri("/tmp/x y/A.java"));
    }

    @Test
    void theSameDiffGivesTheSameBytes() {
        assertEquals(DiffFormat.SARIF.render(Tables.diff(), "a", "b", FailPolicy.ANY),
                DiffFormat.SARIF.render(Tables.diff(), "a", "b", FailPolicy.ANY));
    }
}
