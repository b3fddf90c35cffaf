package dev.patchsite.linker.table;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Collects the records a reader parses, in the order of the file, and checks the rules every form of a table keeps
 * whatever its syntax: the {@code linked} record comes first and once, no record is listed twice, and a site or an
 * implemented function names a function listed above. The text and the JSON reader both build through it, so both
 * accept the same tables. A broken rule is an {@link IllegalArgumentException} whose message the reader places.
 */
final class TableBuilder {

    private final List<Function> functions = new ArrayList<>();
    private final Map<String, Function> functionsById = new HashMap<>();
    private final List<Variant> variants = new ArrayList<>();
    private final Set<List<String>> variantKeys = new HashSet<>();
    private final List<Site> sites = new ArrayList<>();
    /**
     * The site keys read so far, made only once a site comes out of table order: in order, a duplicate can only be
     * the site just before, and a written table is in order, so a million sites are checked without a key each.
     */
    private Set<Site.Key> siteKeys;
    private LinkMode linkedMode;
    private final Map<String, String> linkedSelections = new TreeMap<>();

    /** Records how the program was linked; must come before any function. */
    void linked(LinkMode mode, Map<String, String> selections) {
        if (linkedMode != null || !functions.isEmpty()) {
            throw new IllegalArgumentException("\"linked\" must come once, right after the version line");
        }
        if (!selections.isEmpty() && mode != LinkMode.STATIC) {
            throw new IllegalArgumentException("only a table linked in static mode has selections");
        }
        linkedMode = mode;
        linkedSelections.putAll(selections);
    }

    void function(Function function) {
        if (functionsById.putIfAbsent(function.id(), function) != null) {
            throw new IllegalArgumentException("function " + function.id() + " is listed twice");
        }
        functions.add(function);
    }

    /** Returns the function with the given id listed so far, or null. */
    Function function(String id) {
        return functionsById.get(id);
    }

    /** Returns the functions listed so far, in the order listed. */
    List<Function> functions() {
        return functions;
    }

    void variant(Variant variant) {
        for (String id : variant.implemented()) {
            Function function = functionsById.get(id);
            if (function == null || !function.group().equals(variant.group())) {
                throw new IllegalArgumentException("variant " + variant.name() + " implements " + id
                        + ", which is not a function of group " + TableWriter.binary(variant.group())
                        + " listed above");
            }
        }
        if (!variantKeys.add(List.of(variant.group(), variant.name()))) {
            throw new IllegalArgumentException("variant " + variant.name() + " of group "
                    + TableWriter.binary(variant.group()) + " is listed twice");
        }
        variants.add(variant);
    }

    /** Returns the site listed just before, or null: a reader shares its caller's strings. */
    Site lastSite() {
        return sites.isEmpty() ? null : sites.get(sites.size() - 1);
    }

    void site(Site site) {
        if (!functionsById.containsKey(site.functionId())) {
            throw new IllegalArgumentException("site of function " + site.functionId()
                    + ", which is not listed above");
        }
        if (isDuplicate(site)) {
            throw new IllegalArgumentException("site " + site.functionId() + " " + site.caller() + " #"
                    + site.ordinal() + " is listed twice");
        }
        sites.add(site);
    }

    PatchSiteTable build() {
        return new PatchSiteTable(functions, variants, sites, linkedMode, linkedSelections);
    }

    /** Whether a site of the same key was read before. */
    private boolean isDuplicate(Site site) {
        if (siteKeys == null) {
            int order = sites.isEmpty() ? 1 : site.compareTo(sites.get(sites.size() - 1));
            if (order >= 0) {
                return order == 0;
            }
            siteKeys = new HashSet<>();
            sites.forEach(read -> siteKeys.add(read.key()));
        }
        return !siteKeys.add(site.key());
    }
}
