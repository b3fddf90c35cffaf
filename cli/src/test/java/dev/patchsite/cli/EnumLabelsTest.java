package dev.patchsite.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.patchsite.linker.diff.DiffFormat;
import dev.patchsite.linker.diff.FailPolicy;
import dev.patchsite.linker.table.LinkMode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** The enum-typed options' values: the docs' lower-case labels, in any case, offered for completion. */
class EnumLabelsTest {

    @Test
    void theCandidatesAreTheLabelsInDeclarationOrder() {
        assertEquals(List.of("boot", "indy", "static"), candidates(new LinkCommand.Modes()));
        assertEquals(List.of("text", "markdown", "json", "github", "sarif"), candidates(new DiffCommand.DiffFormats()));
        assertEquals(List.of("any", "added", "removed", "none"), candidates(new DiffCommand.Policies()));
        assertEquals(List.of("text", "json"), candidates(new ScanCommand.TableFormats()));
    }

    @Test
    void aLabelIsTakenInAnyCase() {
        assertEquals(LinkMode.STATIC, new LinkCommand.Modes().convert("static"));
        assertEquals(LinkMode.INDY, new LinkCommand.Modes().convert("InDy"));
        assertEquals(DiffFormat.GITHUB, new DiffCommand.DiffFormats().convert("GITHUB"));
        assertEquals(FailPolicy.ADDED, new DiffCommand.Policies().convert("Added"));
    }

    @Test
    void anotherValueListsTheLabels() {
        TypeConversionException e = assertThrows(TypeConversionException.class,
                () -> new DiffCommand.Policies().convert("ANY "));
        assertEquals("expected one of any, added, removed, none but was 'ANY '", e.getMessage());
    }

    private static List<String> candidates(Iterable<String> labels) {
        List<String> list = new ArrayList<>();
        labels.forEach(list::add);
        return list;
    }
}
