package dev.patchsite.linker.table;

import java.util.Map;
import java.util.TreeMap;

/**
 * The one-line summaries of a table that scan, link, verify and the Maven plugin print: what a table holds, and how a
 * linked one binds its sites. Counts are singular for one ({@code 1 function}) and plural otherwise.
 */
public final class TableSummary {

    private TableSummary() {
    }

    /**
     * Returns the counts of a table's records.
     *
     * @param table a table
     * @return e.g. {@code 1 function, 2 variants, 3 sites}
     */
    public static String counts(PatchSiteTable table) {
        return count(table.functions().size(), "function") + ", " + count(table.variants().size(), "variant") + ", "
                + count(table.sites().size(), "site");
    }

    /**
     * Returns how a linked table's sites are bound: its functions, its bound sites, and how many have each binding.
     *
     * @param table a linked table
     * @return e.g. {@code 3 functions, 20 sites: 1 default, 16 patch, 3 trampoline:address}
     */
    public static String bindings(PatchSiteTable table) {
        Map<String, Integer> counts = new TreeMap<>();
        int bound = 0;
        for (Site site : table.sites()) {
            if (site.binding() != null) {
                counts.merge(site.binding().label(), 1, Integer::sum);
                bound++;
            }
        }
        StringBuilder line = new StringBuilder(count(table.functions().size(), "function") + ", "
                + count(bound, "site"));
        String separator = ": ";
        for (Map.Entry<String, Integer> count : counts.entrySet()) {
            line.append(separator).append(count.getValue()).append(' ').append(count.getKey());
            separator = ", ";
        }
        return line.toString();
    }

    /**
     * Returns a count and its noun, plural unless the count is one.
     *
     * @param n the count
     * @param noun the singular noun, made plural with an {@code s}
     * @return e.g. {@code 1 site}, {@code 2 sites}
     */
    public static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
