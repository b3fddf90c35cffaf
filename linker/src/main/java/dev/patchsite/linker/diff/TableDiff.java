package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.PatchSiteTable;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.StringJoiner;
import java.util.TreeSet;
import java.util.function.BiPredicate;
import java.util.function.Predicate;

/**
 * The differences between two patch-site tables: the functions, variants and sites added, removed and changed.
 *
 * <p>Records are matched by identity: a function by its id, a variant by its group and name, a site by its
 * {@linkplain Site#key() key} (function, caller, release, ordinal). A record is changed when its identity is in both
 * tables but another attribute differs: a function's method, {@code updatable} or {@code declared}; a variant's
 * class, priority, probe ({@code when}) or implemented functions; a site's kind, {@code superCall} or {@code via}
 * (the subclass the call names). A site's line and offset are neither identity nor compared: a site that only moved
 * is no difference at all.
 *
 * <p>Every list is in the tables' canonical order (sites by function first, variants by group first), so equal
 * inputs give equal diffs. Instances are immutable.
 */
public final class TableDiff {

    private final Map<String, Function> oldFunctions;
    private final Map<String, Function> newFunctions;
    private final Matched<Function> functions;
    private final Matched<Variant> variants;
    private final Matched<Site> sites;

    private TableDiff(PatchSiteTable oldTable, PatchSiteTable newTable) {
        oldFunctions = byId(oldTable);
        newFunctions = byId(newTable);
        functions = new Matched<>(oldTable.functions(), newTable.functions(), TableDiff::sameFunction);
        variants = new Matched<>(oldTable.variants(), newTable.variants(), TableDiff::sameVariant);
        sites = new Matched<>(oldTable.sites(), newTable.sites(), TableDiff::sameSite);
    }

    /**
     * Compares two tables.
     *
     * @param oldTable the old table, e.g. the committed baseline
     * @param newTable the new table, e.g. the one just scanned
     * @return the differences from the old table to the new one
     */
    public static TableDiff compare(PatchSiteTable oldTable, PatchSiteTable newTable) {
        return new TableDiff(Objects.requireNonNull(oldTable, "oldTable"), Objects.requireNonNull(newTable, "newTable"));
    }

    /**
     * A record whose identity is in both tables but whose other attributes differ.
     *
     * @param <T> the type of record: {@link Function}, {@link Variant} or {@link Site}
     * @param oldValue the record in the old table
     * @param newValue the record in the new table
     */
    public record Change<T>(T oldValue, T newValue) {

        /** Checks that no component is null. */
        public Change {
            Objects.requireNonNull(oldValue, "oldValue");
            Objects.requireNonNull(newValue, "newValue");
        }
    }

    /**
     * Returns the functions only in the new table.
     *
     * @return the added functions, sorted by id
     */
    public List<Function> addedFunctions() {
        return functions.added;
    }

    /**
     * Returns the functions only in the old table.
     *
     * @return the removed functions, sorted by id
     */
    public List<Function> removedFunctions() {
        return functions.removed;
    }

    /**
     * Returns the functions in both tables whose method, {@code updatable} or {@code declared} differ.
     *
     * @return the changed functions, sorted by id
     */
    public List<Change<Function>> changedFunctions() {
        return functions.changed;
    }

    /**
     * Returns the variants only in the new table.
     *
     * @return the added variants, sorted by group and name
     */
    public List<Variant> addedVariants() {
        return variants.added;
    }

    /**
     * Returns the variants only in the old table.
     *
     * @return the removed variants, sorted by group and name
     */
    public List<Variant> removedVariants() {
        return variants.removed;
    }

    /**
     * Returns the variants in both tables whose class, priority, probe or implemented functions differ.
     *
     * @return the changed variants, sorted by group and name
     */
    public List<Change<Variant>> changedVariants() {
        return variants.changed;
    }

    /**
     * Returns the sites only in the new table.
     *
     * @return the added sites, in table order (by function first)
     */
    public List<Site> addedSites() {
        return sites.added;
    }

    /**
     * Returns the sites only in the old table.
     *
     * @return the removed sites, in table order (by function first)
     */
    public List<Site> removedSites() {
        return sites.removed;
    }

    /**
     * Returns the sites in both tables whose kind, {@code superCall} or {@code via} differ (never ones whose line or
     * offset alone differ).
     *
     * @return the changed sites, in table order (by function first)
     */
    public List<Change<Site>> changedSites() {
        return sites.changed;
    }

    /**
     * Returns whether the tables have no differences.
     *
     * @return true if nothing was added, removed or changed
     */
    public boolean isEmpty() {
        return addedCount() + removedCount() + changedCount() == 0;
    }

    /**
     * Returns the number of functions, variants and sites added.
     *
     * @return the number of added records
     */
    public int addedCount() {
        return functions.added.size() + variants.added.size() + sites.added.size();
    }

    /**
     * Returns the number of functions, variants and sites removed.
     *
     * @return the number of removed records
     */
    public int removedCount() {
        return functions.removed.size() + variants.removed.size() + sites.removed.size();
    }

    /**
     * Returns the number of functions, variants and sites changed.
     *
     * @return the number of changed records
     */
    public int changedCount() {
        return functions.changed.size() + variants.changed.size() + sites.changed.size();
    }

    /**
     * Returns whether these differences fail the given policy.
     *
     * @param policy the policy
     * @return true if the check fails
     */
    public boolean fails(FailPolicy policy) {
        Objects.requireNonNull(policy, "policy");
        return (addedCount() > 0 && policy.failsOn(Delta.ADDED))
                || (removedCount() > 0 && policy.failsOn(Delta.REMOVED))
                || (changedCount() > 0 && policy.failsOn(Delta.CHANGED));
    }

    /**
     * Returns a one-line summary, e.g. {@code 1 function added, 2 sites added, 1 site removed}: the non-zero counts
     * of functions, variants and sites (in that order), each added, removed and changed; {@code no differences} if
     * there are none.
     *
     * @return the summary
     */
    public String summary() {
        return isEmpty() ? "no differences" : summary(delta -> true);
    }

    /** Returns the summary as {@link #toString()}. */
    @Override
    public String toString() {
        return summary();
    }

    /** Returns the summary of the counts of the given deltas only, or the empty string if they are all zero. */
    String summary(Predicate<Delta> deltas) {
        StringJoiner parts = new StringJoiner(", ");
        count(parts, deltas, "function", "functions", functions);
        count(parts, deltas, "variant", "variants", variants);
        count(parts, deltas, "site", "sites", sites);
        return parts.toString();
    }

    /** Returns the old table's functions by id, to write the old table's variant lines. */
    Map<String, Function> oldFunctions() {
        return oldFunctions;
    }

    /** Returns the new table's functions by id, to write the new table's variant lines. */
    Map<String, Function> newFunctions() {
        return newFunctions;
    }

    private static void count(StringJoiner parts, Predicate<Delta> deltas, String singular, String plural,
            Matched<?> matched) {
        for (Delta delta : Delta.values()) {
            int n = matched.count(delta);
            if (n > 0 && deltas.test(delta)) {
                parts.add(n + " " + (n == 1 ? singular : plural) + " " + delta.label());
            }
        }
    }

    private static Map<String, Function> byId(PatchSiteTable table) {
        Map<String, Function> byId = new LinkedHashMap<>();
        for (Function function : table.functions()) {
            byId.putIfAbsent(function.id(), function);
        }
        return byId;
    }

    private static boolean sameFunction(Function a, Function b) {
        return a.method().equals(b.method()) && a.updatable() == b.updatable() && a.declared() == b.declared();
    }

    private static boolean sameVariant(Variant a, Variant b) {
        return a.className().equals(b.className()) && a.priority() == b.priority() && Objects.equals(a.when(), b.when())
                && new TreeSet<>(a.implemented()).equals(new TreeSet<>(b.implemented()));
    }

    private static boolean sameSite(Site a, Site b) {
        return a.kind() == b.kind() && a.superCall() == b.superCall() && Objects.equals(a.via(), b.via());
    }

    /**
     * One kind of record matched by identity. The tables do not forbid two records with the same identity, so
     * records of one identity are matched in order, and the unmatched rest are added or removed.
     *
     * <p>A table's canonical order is the order of identities ({@link Function}: id; {@link Variant}: group, name;
     * {@link Site}: its {@linkplain Site#key() key}'s fields), so one merge of the two sorted lists matches them, with
     * no key made or hashed per record: a million-site table is compared in one pass.
     */
    private static final class Matched<T extends Comparable<? super T>> {
        final List<T> added;
        final List<T> removed;
        final List<Change<T>> changed;

        Matched(List<T> oldItems, List<T> newItems, BiPredicate<T, T> same) {
            List<T> addedItems = new ArrayList<>();
            List<T> removedItems = new ArrayList<>();
            List<Change<T>> changedItems = new ArrayList<>();
            int o = 0;
            int n = 0;
            while (o < oldItems.size() || n < newItems.size()) {
                int order = o == oldItems.size() ? 1 : n == newItems.size() ? -1
                        : oldItems.get(o).compareTo(newItems.get(n));
                if (order < 0) {
                    removedItems.add(oldItems.get(o++));
                } else if (order > 0) {
                    addedItems.add(newItems.get(n++));
                } else {
                    T old = oldItems.get(o++);
                    T item = newItems.get(n++);
                    if (!same.test(old, item)) {
                        changedItems.add(new Change<>(old, item));
                    }
                }
            }
            added = List.copyOf(addedItems);
            removed = List.copyOf(removedItems);
            changed = List.copyOf(changedItems);
        }

        int count(Delta delta) {
            return switch (delta) {
                case ADDED -> added.size();
                case REMOVED -> removed.size();
                case CHANGED -> changed.size();
            };
        }
    }
}
