package dev.patchsite.linker.table;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every function, variant and site of a program, each list in its canonical order, so that equal programs give
 * equal tables and equal bytes once written.
 *
 * @param functions the functions, sorted by id
 * @param variants the variants, sorted by group and name
 * @param sites the sites, sorted by function, caller class, release, caller method and ordinal
 * @param linkedMode the mode the program was linked in, or null for a table that was not linked
 * @param linkedSelections in {@code static} mode, the variant fixed for each group named at link time, by the
 *     group's binary name; empty otherwise
 */
public record PatchSiteTable(List<Function> functions, List<Variant> variants, List<Site> sites, LinkMode linkedMode,
        Map<String, String> linkedSelections) {

    /** The version of the table format this code writes and reads. */
    public static final int FORMAT_VERSION = 1;

    /** Sorts and copies the lists. */
    public PatchSiteTable {
        functions = sorted(functions);
        variants = sorted(variants);
        sites = sorted(sites);
        linkedSelections = java.util.Collections.unmodifiableMap(new TreeMap<>(linkedSelections));
    }

    /**
     * Creates the table of a linked program.
     *
     * @param functions the functions
     * @param variants the variants
     * @param sites the sites
     * @param linkedMode the mode, or null if not linked
     */
    public PatchSiteTable(List<Function> functions, List<Variant> variants, List<Site> sites, LinkMode linkedMode) {
        this(functions, variants, sites, linkedMode, Map.of());
    }

    /**
     * Returns the table's {@code linked} line without the keyword, e.g. {@code static a.B=numa}, or null.
     *
     * @return the mode and static selections, or null for a table that was not linked
     */
    public String linkedDescription() {
        if (linkedMode == null) {
            return null;
        }
        StringBuilder text = new StringBuilder(linkedMode.label());
        linkedSelections.forEach((group, variant) -> text.append(' ').append(group).append('=').append(variant));
        return text.toString();
    }

    /**
     * Creates the table of a program that was not linked.
     *
     * @param functions the functions
     * @param variants the variants
     * @param sites the sites
     */
    public PatchSiteTable(List<Function> functions, List<Variant> variants, List<Site> sites) {
        this(functions, variants, sites, null, Map.of());
    }

    /**
     * Returns this table without its sites' lines and offsets, as a baseline records it: a site that moves then
     * changes no line of the baseline.
     *
     * @return the table whose sites have no position
     */
    public PatchSiteTable withoutPositions() {
        return new PatchSiteTable(functions, variants, sites.stream().map(Site::withoutPosition).toList(), linkedMode,
                linkedSelections);
    }

    private static <T extends Comparable<? super T>> List<T> sorted(Collection<T> items) {
        List<T> copy = new ArrayList<>(items);
        copy.sort(null);
        return List.copyOf(copy);
    }

    /**
     * Returns the function with the given id.
     *
     * @param id a function id
     * @return the function, or empty if the table has none with that id
     */
    public Optional<Function> function(String id) {
        return functions.stream().filter(f -> f.id().equals(id)).findFirst();
    }

    /**
     * Returns the sites grouped by function id, in table order.
     *
     * @return a sorted map from function id to that function's sites
     */
    public Map<String, List<Site>> sitesByFunction() {
        Map<String, List<Site>> byFunction = new TreeMap<>();
        for (Site site : sites) {
            byFunction.computeIfAbsent(site.functionId(), id -> new ArrayList<>()).add(site);
        }
        return byFunction;
    }
}
