package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.MethodRef;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.SiteKind;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.List;

/**
 * Two small tables of the spinlock story and what their diff must find.
 *
 * <p>From {@link #OLD} to {@link #NEW}:
 * <ul>
 *   <li>function {@code Trace.hit} added (updatable), with one site, which is added too;</li>
 *   <li>variant {@code numa} of {@code SpinLock} changed: priority 10 to 20; variant {@code pv} unchanged;</li>
 *   <li>site {@code slowpath} in {@code App.run} #0 only moved (line 12 to 14, offset 7 to 9): no difference;</li>
 *   <li>site {@code slowpath} in {@code App.run} #0 of release 11 added;</li>
 *   <li>super-call site {@code slowpath} in {@code NumaSpinLock.slowpath} unchanged;</li>
 *   <li>site {@code unlock} in {@code App.close} #0 changed: kind ref to invoke (and moved a line);</li>
 *   <li>super-call site {@code unlock} in {@code NumaSpinLock.unlock} removed.</li>
 * </ul>
 */
final class Tables {

    static final String SLOWPATH = "com.example.SpinLock.slowpath(Lcom/example/QLock;I)V";
    static final String UNLOCK = "com.example.SpinLock.unlock(Lcom/example/QLock;)V";
    static final String HIT = "com.example.Trace.hit(I)V";

    static final MethodRef RUN = new MethodRef("com/example/App", "run", "()V");
    static final MethodRef CLOSE = new MethodRef("com/example/App", "close", "()V");
    static final MethodRef NUMA_SLOWPATH = new MethodRef("com/example/NumaSpinLock", "slowpath",
            "(Lcom/example/QLock;I)V");
    static final MethodRef NUMA_UNLOCK = new MethodRef("com/example/NumaSpinLock", "unlock", "(Lcom/example/QLock;)V");

    static final PatchSiteTable OLD = new PatchSiteTable(
            List.of(function(SLOWPATH, false), function(UNLOCK, false)),
            List.of(numa(10), pv()),
            List.of(new Site(SLOWPATH, RUN, 0, 0, SiteKind.INVOKE, false, 12, 7),
                    new Site(SLOWPATH, NUMA_SLOWPATH, 0, 0, SiteKind.INVOKE, true, 30, 3),
                    new Site(UNLOCK, CLOSE, 0, 0, SiteKind.REF, false, 40, 2),
                    new Site(UNLOCK, NUMA_UNLOCK, 0, 0, SiteKind.INVOKE, true, 44, 5)));

    static final PatchSiteTable NEW = new PatchSiteTable(
            List.of(function(HIT, true), function(UNLOCK, false), function(SLOWPATH, false)),
            List.of(pv(), numa(20)),
            List.of(new Site(HIT, RUN, 0, 0, SiteKind.INVOKE, false, 13, 12),
                    new Site(SLOWPATH, RUN, 0, 0, SiteKind.INVOKE, false, 14, 9),
                    new Site(SLOWPATH, RUN, 11, 0, SiteKind.INVOKE, false, 12, 7),
                    new Site(SLOWPATH, NUMA_SLOWPATH, 0, 0, SiteKind.INVOKE, true, 30, 3),
                    new Site(UNLOCK, CLOSE, 0, 0, SiteKind.INVOKE, false, 41, 2)));

    static final PatchSiteTable EMPTY = new PatchSiteTable(List.of(), List.of(), List.of());

    private Tables() {
    }

    static Function function(String id, boolean updatable) {
        return new Function(id, MethodRef.parse(id), updatable, false);
    }

    static Variant numa(int priority) {
        return new Variant("com/example/SpinLock", "numa", "com/example/NumaSpinLock", priority,
                "com/example/NumaProbe", List.of(SLOWPATH, UNLOCK));
    }

    static Variant pv() {
        return new Variant("com/example/SpinLock", "pv", "com/example/PvSpinLock", 5, "com/example/PvProbe",
                List.of(SLOWPATH));
    }

    /** Returns the table with every site moved: on another line (100, 101, ...) and at another offset. */
    static PatchSiteTable moved(PatchSiteTable table) {
        List<Site> sites = new ArrayList<>();
        for (Site site : table.sites()) {
            sites.add(new Site(site.functionId(), site.caller(), site.release(), site.ordinal(), site.kind(),
                    site.superCall(), 100 + sites.size(), site.offset() + 1000));
        }
        return new PatchSiteTable(table.functions(), table.variants(), sites);
    }

    /** Returns the diff from {@link #OLD} to {@link #NEW}. */
    static TableDiff diff() {
        return TableDiff.compare(OLD, NEW);
    }
}
