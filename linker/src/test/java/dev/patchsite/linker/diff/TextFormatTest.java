package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import java.util.List;
import org.junit.jupiter.api.Test;

class TextFormatTest {

    private static final String BODY = """
            patchsite diff: baseline.table -> target/patchsite.table

            function com.example.SpinLock.slowpath(Lcom/example/QLock;I)V
            + site com.example.SpinLock.slowpath(Lcom/example/QLock;I)V com.example.App.run()V #0 invoke release=11 line=12 offset=7

            function com.example.SpinLock.unlock(Lcom/example/QLock;)V
            ~ site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.App.close()V #0 ref line=40 offset=2
              -> site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.App.close()V #0 invoke line=41 offset=2
            - site com.example.SpinLock.unlock(Lcom/example/QLock;)V com.example.NumaSpinLock.unlock(Lcom/example/QLock;)V #0 invoke super line=44 offset=5

            function com.example.Trace.hit(I)V
            + function com.example.Trace.hit(I)V updatable
            + site com.example.Trace.hit(I)V com.example.App.run()V #0 invoke line=13 offset=12

            group com.example.SpinLock
            ~ variant com.example.SpinLock numa com.example.NumaSpinLock priority=10 when=com.example.NumaProbe implements=slowpath(Lcom/example/QLock;I)V,unlock(Lcom/example/QLock;)V
              -> variant com.example.SpinLock numa com.example.NumaSpinLock priority=20 when=com.example.NumaProbe implements=slowpath(Lcom/example/QLock;I)V,unlock(Lcom/example/QLock;)V

            1 function added, 1 variant changed, 2 sites added, 1 site removed, 1 site changed
            """;

    private static String render(TableDiff diff, FailPolicy policy) {
        return DiffFormat.TEXT.render(diff, "baseline.table", "target/patchsite.table", policy);
    }

    @Test
    void rendersEveryDifferenceAndWhyItFails() {
        assertEquals(BODY + "FAILED: 1 function added, 2 sites added (--fail-on added)\n",
                render(Tables.diff(), FailPolicy.ADDED));
        assertEquals(BODY + "FAILED: 1 site removed (--fail-on removed)\n", render(Tables.diff(), FailPolicy.REMOVED));
        assertEquals(BODY + "FAILED: the patch-site table changed (--fail-on any)\n",
                render(Tables.diff(), FailPolicy.ANY));
    }

    @Test
    void aPolicyThatDoesNotFailAddsNoFailedLine() {
        assertEquals(BODY, render(Tables.diff(), FailPolicy.NONE));
    }

    @Test
    void removedFunctionAndVariantAndSingularCounts() {
        PatchSiteTable old = new PatchSiteTable(
                List.of(Tables.function(Tables.SLOWPATH, false), Tables.function(Tables.UNLOCK, false)),
                List.of(Tables.pv()), List.of());
        PatchSiteTable now = new PatchSiteTable(List.of(Tables.function(Tables.SLOWPATH, true)), List.of(), List.of());

        assertEquals("""
                patchsite diff: old -> new

                function com.example.SpinLock.slowpath(Lcom/example/QLock;I)V
                ~ function com.example.SpinLock.slowpath(Lcom/example/QLock;I)V
                  -> function com.example.SpinLock.slowpath(Lcom/example/QLock;I)V updatable

                function com.example.SpinLock.unlock(Lcom/example/QLock;)V
                - function com.example.SpinLock.unlock(Lcom/example/QLock;)V

                group com.example.SpinLock
                - variant com.example.SpinLock pv com.example.PvSpinLock priority=5 when=com.example.PvProbe implements=slowpath(Lcom/example/QLock;I)V

                1 function removed, 1 function changed, 1 variant removed
                FAILED: 1 function removed, 1 variant removed (--fail-on removed)
                """, DiffFormat.TEXT.render(TableDiff.compare(old, now), "old", "new", FailPolicy.REMOVED));
    }

    @Test
    void noDifferences() {
        assertEquals("""
                patchsite diff: baseline.table -> target/patchsite.table
                no differences
                """, render(TableDiff.compare(Tables.OLD, Tables.OLD), FailPolicy.ANY));
    }

    @Test
    void aSiteThatOnlyMovedIsNotShown() {
        MethodRef run = Tables.RUN;
        PatchSiteTable before = new PatchSiteTable(List.of(Tables.function(Tables.SLOWPATH, false)), List.of(),
                List.of(new Site(Tables.SLOWPATH, run, 0, 0, SiteKind.INVOKE, false, 12, 7)));
        PatchSiteTable after = new PatchSiteTable(List.of(Tables.function(Tables.SLOWPATH, false)), List.of(),
                List.of(new Site(Tables.SLOWPATH, run, 0, 0, SiteKind.INVOKE, false, 20, 30)));

        assertEquals("""
                patchsite diff: baseline.table -> target/patchsite.table
                no differences
                """, render(TableDiff.compare(before, after), FailPolicy.ANY));
    }
}
