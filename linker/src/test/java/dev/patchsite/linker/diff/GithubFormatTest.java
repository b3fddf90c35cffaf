package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.util.List;
import org.junit.jupiter.api.Test;

class GithubFormatTest {

    @Test
    void errorsForWhatFailsAndNoticesForTheRest() {
        assertEquals("""
                ::error title=patchsite%3A site added::com.example.App.run()V (release 11) calls com.example.SpinLock.slowpath(Lcom/example/QLock;I)V (#0, invoke, line 12)
                ::notice title=patchsite%3A site changed::com.example.App.close()V calls com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0): kind ref -> invoke
                ::notice title=patchsite%3A site removed::com.example.NumaSpinLock.unlock(Lcom/example/QLock;)V calls com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0, invoke, super-call, line 44)
                ::error title=patchsite%3A function added::com.example.Trace.hit(I)V (updatable)
                ::error title=patchsite%3A site added::com.example.App.run()V calls com.example.Trace.hit(I)V (#0, invoke, line 13)
                ::notice title=patchsite%3A variant changed::com.example.SpinLock variant numa: priority 10 -> 20
                ::error title=patchsite::baseline.table -> target/patchsite.table: 1 function added, 1 variant changed, 2 sites added, 1 site removed, 1 site changed; FAILED: 1 function added, 2 sites added (--fail-on added)
                """, DiffFormat.GITHUB.render(Tables.diff(), "baseline.table", "target/patchsite.table",
                FailPolicy.ADDED));
    }

    @Test
    void onlyNoticesWhenThePolicyDoesNotFail() {
        assertEquals("""
                ::notice title=patchsite%3A site removed::com.example.App.run()V (release 11) calls com.example.SpinLock.slowpath(Lcom/example/QLock;I)V (#0, invoke, line 12)
                ::notice title=patchsite%3A site changed::com.example.App.close()V references com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0): kind invoke -> ref
                ::notice title=patchsite%3A site added::com.example.NumaSpinLock.unlock(Lcom/example/QLock;)V calls com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0, invoke, super-call, line 44)
                ::notice title=patchsite%3A function removed::com.example.Trace.hit(I)V (updatable)
                ::notice title=patchsite%3A site removed::com.example.App.run()V calls com.example.Trace.hit(I)V (#0, invoke, line 13)
                ::notice title=patchsite%3A variant changed::com.example.SpinLock variant numa: priority 20 -> 10
                ::notice title=patchsite::new -> old: 1 function removed, 1 variant changed, 1 site added, 2 sites removed, 1 site changed
                """, DiffFormat.GITHUB.render(TableDiff.compare(Tables.NEW, Tables.OLD), "new", "old",
                FailPolicy.NONE));
    }

    @Test
    void describesWholeRecordsAndEveryChangedAttribute() {
        Function plain = new Function("spin", MethodRef.parse(Tables.SLOWPATH), false, false);
        Function changed = new Function("spin", MethodRef.parse(Tables.UNLOCK), true, true);
        Variant numa = new Variant("com/example/SpinLock", "numa", "com/example/NumaSpinLock", 10, null,
                List.of("spin"));
        Variant numa2 = new Variant("com/example/SpinLock", "numa", "com/example/Numa2", 10, "com/example/Probe",
                List.of());
        Site site = new Site("spin", Tables.RUN, 9, 2, SiteKind.LDC, false, 0, 3);
        Site superCall = new Site("spin", Tables.RUN, 9, 2, SiteKind.INVOKE, true, 0, 3, null, "com/example/Sub");
        PatchSiteTable old = new PatchSiteTable(List.of(plain), List.of(numa), List.of(site));
        PatchSiteTable now = new PatchSiteTable(List.of(changed), List.of(numa2), List.of(superCall));

        assertEquals("""
                ::error title=patchsite%3A function changed::spin: method com.example.SpinLock.slowpath(Lcom/example/QLock;I)V -> com.example.SpinLock.unlock(Lcom/example/QLock;)V; updatable no -> yes; declared no -> yes
                ::error title=patchsite%3A site changed::com.example.App.run()V (release 9) calls spin (#2): kind ldc -> invoke; super-call no -> yes; via none -> com.example.Sub
                ::error title=patchsite%3A variant changed::com.example.SpinLock variant numa: class com.example.NumaSpinLock -> com.example.Numa2; when none -> com.example.Probe; implements slowpath(Lcom/example/QLock;I)V -> nothing
                ::error title=patchsite::old -> new: 1 function changed, 1 variant changed, 1 site changed; FAILED: the patch-site table changed (--fail-on any)
                """, DiffFormat.GITHUB.render(TableDiff.compare(old, now), "old", "new", FailPolicy.ANY));

        assertEquals("""
                ::notice title=patchsite%3A function removed::spin (method com.example.SpinLock.slowpath(Lcom/example/QLock;I)V)
                ::notice title=patchsite%3A site removed::com.example.App.run()V (release 9) references spin (#2, ldc)
                ::notice title=patchsite%3A variant removed::com.example.SpinLock variant numa: com.example.NumaSpinLock (priority 10, implements slowpath(Lcom/example/QLock;I)V)
                ::notice title=patchsite::old -> empty: 1 function removed, 1 variant removed, 1 site removed
                """, DiffFormat.GITHUB.render(TableDiff.compare(old, Tables.EMPTY), "old", "empty", FailPolicy.ADDED));
        assertEquals("""
                ::notice title=patchsite%3A site added::com.example.App.run()V (release 9) calls spin (#2, invoke, super-call, via com.example.Sub)
                ::notice title=patchsite::empty -> new: 1 site added
                """, DiffFormat.GITHUB.render(TableDiff.compare(new PatchSiteTable(List.of(), List.of(), List.of()),
                new PatchSiteTable(List.of(), List.of(), List.of(superCall))), "empty", "new", FailPolicy.NONE));
    }

    @Test
    void noDifferences() {
        assertEquals("::notice title=patchsite::baseline.table -> target/patchsite.table: no differences\n",
                DiffFormat.GITHUB.render(TableDiff.compare(Tables.OLD, Tables.OLD), "baseline.table",
                        "target/patchsite.table", FailPolicy.ANY));
    }

    @Test
    void escapesMessagesAndProperties() {
        assertEquals("100%25 a%0D%0Ab: c, d", GithubFormat.escapeData("100% a\r\nb: c, d"));
        assertEquals("100%25 a%0D%0Ab%3A c%2C d", GithubFormat.escapeProperty("100% a\r\nb: c, d"));
        assertEquals("::notice title=patchsite::50%25 off%0Aold -> new: no differences\n",
                DiffFormat.GITHUB.render(TableDiff.compare(Tables.EMPTY, Tables.EMPTY), "50% off\nold", "new",
                        FailPolicy.ANY));
    }
}
