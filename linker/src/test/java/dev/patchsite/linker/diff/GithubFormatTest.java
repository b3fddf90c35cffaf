package dev.patchsite.linker.diff;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.patchsite.linker.Vocabulary;
import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

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

    /**
     * With source roots, each difference is on its class's file: a site added or changed on its new line, a removed
     * one on its file only; a function on its group's file, a variant on its class's; a class whose file no root
     * holds has no file; an unconventional source file name (Kotlin) is found by it. Files are named relative to
     * the base.
     */
    @Test
    void differencesAreOnTheFilesAndLinesOfTheirClasses(@TempDir Path dir) throws IOException {
        Path root = dir.resolve("src/main/java");
        for (String file : List.of("com/example/App.java", "com/example/NumaSpinLock.java", "com/example/Trace.kt")) {
            Files.createDirectories(root.resolve(file).getParent());
            Files.writeString(root.resolve(file), "");
        }
        Site hit = new Site(Tables.HIT, new MethodRef("com/example/Trace$Inner", "run", "()V"), 0, 0,
                SiteKind.INVOKE, false, 7, 1).withSourceFile("Trace.kt");
        PatchSiteTable now = new PatchSiteTable(Tables.NEW.functions(), Tables.NEW.variants(),
                java.util.stream.Stream.concat(Tables.NEW.sites().stream(), java.util.stream.Stream.of(hit)).toList());
        DiffReport report = new DiffReport("a", "b", FailPolicy.ADDED, SourceRoots.of(List.of(dir.resolve("none"),
                root), dir), Vocabulary.COMMAND_LINE);

        assertEquals("""
                ::error file=src/main/java/com/example/App.java,line=12,title=patchsite%3A site added::com.example.App.run()V (release 11) calls com.example.SpinLock.slowpath(Lcom/example/QLock;I)V (#0, invoke, line 12)
                ::notice file=src/main/java/com/example/App.java,line=41,title=patchsite%3A site changed::com.example.App.close()V calls com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0): kind ref -> invoke
                ::notice file=src/main/java/com/example/NumaSpinLock.java,title=patchsite%3A site removed::com.example.NumaSpinLock.unlock(Lcom/example/QLock;)V calls com.example.SpinLock.unlock(Lcom/example/QLock;)V (#0, invoke, super-call, line 44)
                ::error title=patchsite%3A function added::com.example.Trace.hit(I)V (updatable)
                ::error file=src/main/java/com/example/App.java,line=13,title=patchsite%3A site added::com.example.App.run()V calls com.example.Trace.hit(I)V (#0, invoke, line 13)
                ::error file=src/main/java/com/example/Trace.kt,line=7,title=patchsite%3A site added::com.example.Trace$Inner.run()V calls com.example.Trace.hit(I)V (#0, invoke, line 7)
                ::notice file=src/main/java/com/example/NumaSpinLock.java,title=patchsite%3A variant changed::com.example.SpinLock variant numa: priority 10 -> 20
                ::error title=patchsite::a -> b: 1 function added, 1 variant changed, 3 sites added, 1 site removed, 1 site changed; FAILED: 1 function added, 3 sites added (--fail-on added)
                """, DiffFormat.GITHUB.render(TableDiff.compare(Tables.OLD, now), report));
    }

    /** A class file is input: a SourceFile that names another folder finds no file. */
    @Test
    void aSourceFileNamingAnotherFolderIsNotFollowed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("secret.java"), "");
        SourceRoots roots = SourceRoots.of(List.of(dir.resolve("src")), dir);
        Files.createDirectories(dir.resolve("src/p"));

        assertEquals(null, roots.find("p/A", "../../secret.java"));
        assertEquals(null, roots.find("../A", null));
    }
}
