package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.table.Site;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class DiffFormatTest {

    @Test
    void labelsAreLowerCaseNames() {
        for (DiffFormat format : DiffFormat.values()) {
            assertEquals(format, DiffFormat.ofLabel(format.label()));
        }
        assertEquals("github", DiffFormat.GITHUB.label());
    }

    @Test
    void unknownLabelListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> DiffFormat.ofLabel("html"));
        assertEquals("unknown diff format \"html\"; expected text, markdown, json, github or sarif", e.getMessage());
    }

    @Test
    void eachFormatRendersWithItsOwnClass() {
        TableDiff diff = Tables.diff();
        DiffReport report = DiffReport.of("a", "b", FailPolicy.ANY);
        assertEquals(TextFormat.render(diff, report), DiffFormat.TEXT.render(diff, "a", "b", FailPolicy.ANY));
        assertEquals(MarkdownFormat.render(diff, report), DiffFormat.MARKDOWN.render(diff, "a", "b", FailPolicy.ANY));
        assertEquals(JsonFormat.render(diff, report), DiffFormat.JSON.render(diff, "a", "b", FailPolicy.ANY));
        assertEquals(GithubFormat.render(diff, report), DiffFormat.GITHUB.render(diff, "a", "b", FailPolicy.ANY));
        assertEquals(SarifFormat.render(diff, report), DiffFormat.SARIF.render(diff, "a", "b", FailPolicy.ANY));
    }

    @Test
    void aSiteThatOnlyMovedRendersAsNoDifferenceInEveryFormat() {
        TableDiff same = TableDiff.compare(Tables.OLD, Tables.OLD);
        TableDiff onlyMoved = TableDiff.compare(Tables.OLD, Tables.moved(Tables.OLD));
        for (DiffFormat format : DiffFormat.values()) {
            assertEquals(format.render(same, "a", "b", FailPolicy.ANY),
                    format.render(onlyMoved, "a", "b", FailPolicy.ANY), format.label());
        }
    }

    @Test
    void everySiteMoved() {
        assertEquals(List.of(100, 101, 102, 103),
                Tables.moved(Tables.OLD).sites().stream().map(Site::line).collect(Collectors.toList()));
    }

    @Test
    void rejectsNulls() {
        TableDiff diff = Tables.diff();
        assertThrows(NullPointerException.class, () -> DiffFormat.TEXT.render(null, "a", "b", FailPolicy.ANY));
        assertThrows(NullPointerException.class, () -> DiffFormat.TEXT.render(diff, null, "b", FailPolicy.ANY));
        assertThrows(NullPointerException.class, () -> DiffFormat.TEXT.render(diff, "a", null, FailPolicy.ANY));
        assertThrows(NullPointerException.class, () -> DiffFormat.TEXT.render(diff, "a", "b", null));
    }
}
