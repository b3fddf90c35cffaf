package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.TableWriter;
import dev.patchsite.linker.table.Variant;
import java.util.Map;

/**
 * One added, removed or changed record ({@link Function}, {@link Variant} or {@link Site}) with its table lines, as
 * {@link TableWriter} writes them.
 *
 * @param delta added, removed or changed
 * @param oldValue the record in the old table, or null if added
 * @param newValue the record in the new table, or null if removed
 * @param oldLine the old record's table line, or null if added
 * @param newLine the new record's table line, or null if removed
 */
record Difference(Delta delta, Object oldValue, Object newValue, String oldLine, String newLine) {

    /** Returns the difference of a record only in the new table. */
    static Difference added(Object record, TableDiff diff) {
        return new Difference(Delta.ADDED, null, record, null, line(record, diff.newFunctions()));
    }

    /** Returns the difference of a record only in the old table. */
    static Difference removed(Object record, TableDiff diff) {
        return new Difference(Delta.REMOVED, record, null, line(record, diff.oldFunctions()), null);
    }

    /** Returns the difference of a record in both tables. */
    static Difference changed(TableDiff.Change<?> change, TableDiff diff) {
        return new Difference(Delta.CHANGED, change.oldValue(), change.newValue(),
                line(change.oldValue(), diff.oldFunctions()), line(change.newValue(), diff.newFunctions()));
    }

    /** Returns the new record, or the old one if removed. */
    Object value() {
        return newValue != null ? newValue : oldValue;
    }

    /** Returns {@code function}, {@code variant} or {@code site}. */
    String noun() {
        Object value = value();
        return value instanceof Function ? "function" : value instanceof Variant ? "variant" : "site";
    }

    private static String line(Object record, Map<String, Function> functions) {
        if (record instanceof Function function) {
            return TableWriter.functionLine(function);
        }
        if (record instanceof Variant variant) {
            return TableWriter.variantLine(variant, functions);
        }
        return TableWriter.siteLine((Site) record);
    }
}
