package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.table.PatchSiteTable;
import java.util.List;
import org.junit.jupiter.api.Test;

class FailPolicyTest {

    @Test
    void fixtureWithEveryKindOfDifferenceFailsAllButNone() {
        TableDiff diff = Tables.diff();

        assertTrue(diff.fails(FailPolicy.ANY));
        assertTrue(diff.fails(FailPolicy.ADDED));
        assertTrue(diff.fails(FailPolicy.REMOVED));
        assertFalse(diff.fails(FailPolicy.NONE));
    }

    @Test
    void aChangeOnlyFailsAny() {
        TableDiff diff = TableDiff.compare(withNuma(10), withNuma(20));

        assertTrue(diff.fails(FailPolicy.ANY));
        assertFalse(diff.fails(FailPolicy.ADDED));
        assertFalse(diff.fails(FailPolicy.REMOVED));
        assertFalse(diff.fails(FailPolicy.NONE));
    }

    @Test
    void anAdditionOnlyFailsAnyAndAdded() {
        TableDiff diff = TableDiff.compare(Tables.EMPTY, withNuma(10));

        assertTrue(diff.fails(FailPolicy.ANY));
        assertTrue(diff.fails(FailPolicy.ADDED));
        assertFalse(diff.fails(FailPolicy.REMOVED));
        assertFalse(diff.fails(FailPolicy.NONE));
    }

    @Test
    void aRemovalOnlyFailsAnyAndRemoved() {
        TableDiff diff = TableDiff.compare(withNuma(10), Tables.EMPTY);

        assertTrue(diff.fails(FailPolicy.ANY));
        assertFalse(diff.fails(FailPolicy.ADDED));
        assertTrue(diff.fails(FailPolicy.REMOVED));
        assertFalse(diff.fails(FailPolicy.NONE));
    }

    @Test
    void noDifferenceFailsNothing() {
        TableDiff diff = TableDiff.compare(Tables.OLD, Tables.OLD);

        for (FailPolicy policy : FailPolicy.values()) {
            assertFalse(diff.fails(policy), policy.label());
        }
    }

    @Test
    void reasonNamesWhatFails() {
        TableDiff diff = Tables.diff();

        assertEquals("the patch-site table changed", FailPolicy.ANY.reason(diff));
        assertEquals("1 function added, 2 sites added", FailPolicy.ADDED.reason(diff));
        assertEquals("1 site removed", FailPolicy.REMOVED.reason(diff));
    }

    @Test
    void labelsAreLowerCaseNames() {
        for (FailPolicy policy : FailPolicy.values()) {
            assertEquals(policy, FailPolicy.ofLabel(policy.label()));
        }
        assertEquals("removed", FailPolicy.REMOVED.label());
    }

    @Test
    void unknownLabelListsTheValidOnes() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> FailPolicy.ofLabel("ANY"));
        assertEquals("unknown fail-on policy \"ANY\"; expected any, added, removed or none", e.getMessage());
    }

    private static PatchSiteTable withNuma(int priority) {
        return new PatchSiteTable(List.of(Tables.function(Tables.SLOWPATH, false),
                Tables.function(Tables.UNLOCK, false)), List.of(Tables.numa(priority)), List.of());
    }
}
