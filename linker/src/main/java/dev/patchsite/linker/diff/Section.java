package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The differences of one function (the function itself, then its sites) or of one group (its variants), as the
 * human-readable formats show them.
 *
 * @param kind {@code function} or {@code group}
 * @param name the function's id, or the binary name of the group
 * @param differences the differences, in table order; records of equal identity removed before changed before added
 */
record Section(String kind, String name, List<Difference> differences) {

    /** Returns e.g. {@code function com.example.SpinLock.slowpath(Lcom/example/QLock;I)V}. */
    String heading() {
        return kind + ' ' + name;
    }

    /**
     * Returns the sections of a diff: one per function with a difference of its own or of a site, sorted by id, then
     * one per group with a variant difference, sorted by group.
     */
    static List<Section> of(TableDiff diff) {
        Map<String, List<Difference>> functions = new TreeMap<>();
        Map<String, List<Difference>> sites = new TreeMap<>();
        Map<String, List<Difference>> groups = new TreeMap<>();
        for (Function function : diff.removedFunctions()) {
            add(functions, function.id(), Difference.removed(function, diff));
        }
        for (TableDiff.Change<Function> change : diff.changedFunctions()) {
            add(functions, change.newValue().id(), Difference.changed(change, diff));
        }
        for (Function function : diff.addedFunctions()) {
            add(functions, function.id(), Difference.added(function, diff));
        }
        for (Site site : diff.removedSites()) {
            add(sites, site.functionId(), Difference.removed(site, diff));
        }
        for (TableDiff.Change<Site> change : diff.changedSites()) {
            add(sites, change.newValue().functionId(), Difference.changed(change, diff));
        }
        for (Site site : diff.addedSites()) {
            add(sites, site.functionId(), Difference.added(site, diff));
        }
        for (Variant variant : diff.removedVariants()) {
            add(groups, variant.group(), Difference.removed(variant, diff));
        }
        for (TableDiff.Change<Variant> change : diff.changedVariants()) {
            add(groups, change.newValue().group(), Difference.changed(change, diff));
        }
        for (Variant variant : diff.addedVariants()) {
            add(groups, variant.group(), Difference.added(variant, diff));
        }

        Map<String, List<Difference>> byFunction = new TreeMap<>(functions);
        sites.forEach((id, differences) -> {
            // A stable sort: within one identity, removed stays before changed before added.
            differences.sort(Comparator.comparing(d -> (Site) d.value()));
            byFunction.computeIfAbsent(id, key -> new ArrayList<>()).addAll(differences);
        });
        List<Section> sections = new ArrayList<>();
        byFunction.forEach((id, differences) -> sections.add(new Section("function", id, List.copyOf(differences))));
        groups.forEach((group, differences) -> {
            differences.sort(Comparator.comparing(d -> (Variant) d.value()));
            sections.add(new Section("group", group.replace('/', '.'), List.copyOf(differences)));
        });
        return List.copyOf(sections);
    }

    private static void add(Map<String, List<Difference>> sections, String key, Difference difference) {
        sections.computeIfAbsent(key, k -> new ArrayList<>()).add(difference);
    }
}
