package dev.patchsite.linker.diff;

import static dev.patchsite.linker.diff.Tables.CLOSE;
import static dev.patchsite.linker.diff.Tables.HIT;
import static dev.patchsite.linker.diff.Tables.NUMA_UNLOCK;
import static dev.patchsite.linker.diff.Tables.RUN;
import static dev.patchsite.linker.diff.Tables.SLOWPATH;
import static dev.patchsite.linker.diff.Tables.UNLOCK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableDiffTest {

    private static PatchSiteTable sites(Site... sites) {
        return new PatchSiteTable(List.of(Tables.function(SLOWPATH, false)), List.of(), List.of(sites));
    }

    private static Site site(int ordinal, SiteKind kind, boolean superCall, int line, int offset) {
        return new Site(SLOWPATH, RUN, 0, ordinal, kind, superCall, line, offset);
    }

    @Test
    void findsEveryDifferenceOfTheFixture() {
        TableDiff diff = Tables.diff();

        assertEquals(List.of(Tables.function(HIT, true)), diff.addedFunctions());
        assertEquals(List.of(), diff.removedFunctions());
        assertEquals(List.of(), diff.changedFunctions());

        assertEquals(List.of(), diff.addedVariants());
        assertEquals(List.of(), diff.removedVariants());
        assertEquals(List.of(new TableDiff.Change<>(Tables.numa(10), Tables.numa(20))), diff.changedVariants());

        assertEquals(List.of(new Site(SLOWPATH, RUN, 11, 0, SiteKind.INVOKE, false, 12, 7),
                new Site(HIT, RUN, 0, 0, SiteKind.INVOKE, false, 13, 12)), diff.addedSites());
        assertEquals(List.of(new Site(UNLOCK, NUMA_UNLOCK, 0, 0, SiteKind.INVOKE, true, 44, 5)), diff.removedSites());
        assertEquals(List.of(new TableDiff.Change<>(new Site(UNLOCK, CLOSE, 0, 0, SiteKind.REF, false, 40, 2),
                new Site(UNLOCK, CLOSE, 0, 0, SiteKind.INVOKE, false, 41, 2))), diff.changedSites());

        assertFalse(diff.isEmpty());
        assertEquals(3, diff.addedCount());
        assertEquals(1, diff.removedCount());
        assertEquals(2, diff.changedCount());
        assertEquals("1 function added, 1 variant changed, 2 sites added, 1 site removed, 1 site changed",
                diff.summary());
        assertEquals(diff.summary(), diff.toString());
    }

    /** A call that now names a subclass instead of the group (or another subclass) is the same site, changed. */
    @Test
    void aSiteWhoseViaChangedIsChanged() {
        Site direct = site(0, SiteKind.INVOKE, false, 12, 7);
        Site through = new Site(SLOWPATH, RUN, 0, 0, SiteKind.INVOKE, false, 12, 7, null, "com/example/FastLock");
        TableDiff diff = TableDiff.compare(sites(direct), sites(through));

        assertEquals(List.of(new TableDiff.Change<>(direct, through)), diff.changedSites());
        assertEquals("1 site changed", diff.summary());
        assertTrue(TableDiff.compare(sites(through), sites(through)).isEmpty());
    }

    @Test
    void reversedDiffSwapsAddedAndRemoved() {
        TableDiff diff = TableDiff.compare(Tables.NEW, Tables.OLD);

        assertEquals(Tables.diff().addedFunctions(), diff.removedFunctions());
        assertEquals(Tables.diff().addedSites(), diff.removedSites());
        assertEquals(Tables.diff().removedSites(), diff.addedSites());
        assertEquals(List.of(new TableDiff.Change<>(Tables.numa(20), Tables.numa(10))), diff.changedVariants());
        assertEquals("1 function removed, 1 variant changed, 1 site added, 2 sites removed, 1 site changed",
                diff.summary());
    }

    @Test
    void aTableComparedWithItselfHasNoDifferences() {
        TableDiff diff = TableDiff.compare(Tables.NEW, Tables.NEW);

        assertTrue(diff.isEmpty());
        assertEquals(0, diff.addedCount() + diff.removedCount() + diff.changedCount());
        assertEquals("no differences", diff.summary());
    }

    @Test
    void aSiteThatOnlyMovedIsNoDifference() {
        TableDiff diff = TableDiff.compare(sites(site(0, SiteKind.INVOKE, false, 12, 7)),
                sites(site(0, SiteKind.INVOKE, false, 99, 42)));

        assertTrue(diff.isEmpty());
        assertEquals(List.of(), diff.addedSites());
        assertEquals(List.of(), diff.removedSites());
        assertEquals(List.of(), diff.changedSites());
        for (FailPolicy policy : FailPolicy.values()) {
            assertFalse(diff.fails(policy), policy.label());
        }
    }

    @Test
    void aSiteWhoseKindOrSuperCallDiffersIsChanged() {
        Site ref = site(0, SiteKind.REF, false, 12, 7);
        Site invoke = site(0, SiteKind.INVOKE, false, 12, 7);
        Site superCall = site(0, SiteKind.INVOKE, true, 12, 7);

        assertEquals(List.of(new TableDiff.Change<>(ref, invoke)),
                TableDiff.compare(sites(ref), sites(invoke)).changedSites());
        assertEquals(List.of(new TableDiff.Change<>(invoke, superCall)),
                TableDiff.compare(sites(invoke), sites(superCall)).changedSites());
    }

    @Test
    void ordinalAndReleaseAreIdentity() {
        Site first = site(0, SiteKind.INVOKE, false, 12, 7);
        Site second = site(1, SiteKind.INVOKE, false, 12, 7);
        Site release11 = new Site(SLOWPATH, RUN, 11, 0, SiteKind.INVOKE, false, 12, 7);

        TableDiff renumbered = TableDiff.compare(sites(first), sites(second));
        assertEquals(List.of(second), renumbered.addedSites());
        assertEquals(List.of(first), renumbered.removedSites());

        TableDiff release = TableDiff.compare(sites(first), sites(first, release11));
        assertEquals(List.of(release11), release.addedSites());
        assertEquals(List.of(), release.removedSites());
    }

    @Test
    void sitesOfTheSameIdentityAreMatchedInOrder() {
        // The table format does not forbid two sites with one key; the diff pairs them up rather than fail.
        Site a = site(0, SiteKind.INVOKE, false, 12, 7);
        Site b = site(0, SiteKind.REF, false, 13, 9);

        TableDiff diff = TableDiff.compare(sites(a, b), sites(a));

        assertEquals(List.of(), diff.addedSites());
        assertEquals(List.of(b), diff.removedSites());
        assertEquals(List.of(), diff.changedSites());
    }

    @Test
    void functionChangesAreMethodUpdatableAndDeclared() {
        Function plain = Tables.function(SLOWPATH, false);
        Function updatable = new Function(SLOWPATH, plain.method(), true, false);
        Function declared = new Function(SLOWPATH, plain.method(), false, true);
        Function renamed = new Function(SLOWPATH, new MethodRef("com/example/SpinLock", "slow", "(I)V"), false, false);

        for (Function changed : List.of(updatable, declared, renamed)) {
            TableDiff diff = TableDiff.compare(functions(plain), functions(changed));
            assertEquals(List.of(new TableDiff.Change<>(plain, changed)), diff.changedFunctions(), changed.toString());
        }
        assertTrue(TableDiff.compare(functions(plain), functions(Tables.function(SLOWPATH, false))).isEmpty());
    }

    @Test
    void variantChangesAreClassPriorityProbeAndImplementedFunctions() {
        Variant numa = Tables.numa(10);
        List<Variant> changed = List.of(
                new Variant(numa.group(), "numa", "com/example/Other", 10, numa.when(), numa.implemented()),
                Tables.numa(11),
                new Variant(numa.group(), "numa", numa.className(), 10, null, numa.implemented()),
                new Variant(numa.group(), "numa", numa.className(), 10, numa.when(), List.of(SLOWPATH)));

        for (Variant variant : changed) {
            TableDiff diff = TableDiff.compare(variants(numa), variants(variant));
            assertEquals(List.of(new TableDiff.Change<>(numa, variant)), diff.changedVariants(), variant.toString());
        }
        Variant reordered = new Variant(numa.group(), "numa", numa.className(), 10, numa.when(),
                List.of(UNLOCK, SLOWPATH));
        assertTrue(TableDiff.compare(variants(numa), variants(reordered)).isEmpty());
    }

    @Test
    void rejectsNullTables() {
        assertThrows(NullPointerException.class, () -> TableDiff.compare(null, Tables.EMPTY));
        assertThrows(NullPointerException.class, () -> TableDiff.compare(Tables.EMPTY, null));
    }

    private static PatchSiteTable functions(Function function) {
        return new PatchSiteTable(List.of(function), List.of(), List.of());
    }

    private static PatchSiteTable variants(Variant variant) {
        return new PatchSiteTable(List.of(Tables.function(SLOWPATH, false), Tables.function(UNLOCK, false)),
                List.of(variant), List.of());
    }
}
