package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Json;
import dev.patchsite.linker.table.TableJson;
import java.util.List;
import java.util.function.BiConsumer;

/**
 * Renders a diff as JSON, for tools. Records are written as {@link TableJson} writes them in a table's JSON form, a
 * changed one as an object with its {@code old} and {@code new} forms; every list is in table order. Shape:
 *
 * <pre>{@code
 * {"old": "baseline.table", "new": "target/patchsite.table", "fails": true, "policy": "added",
 *  "summary": {"functions": {"added": 0, "removed": 0, "changed": 0},
 *              "variants": {"added": 0, "removed": 0, "changed": 1},
 *              "sites": {"added": 1, "removed": 0, "changed": 0}},
 *  "functions": {"added": [], "removed": [], "changed": []},
 *  "variants": {"added": [], "removed": [],
 *               "changed": [{"old": {"group": "com.example.SpinLock", "name": "numa", "priority": 10, ...},
 *                            "new": {"group": "com.example.SpinLock", "name": "numa", "priority": 20, ...}}]},
 *  "sites": {"added": [{"function": "com.example.SpinLock.slowpath(Lcom/example/QLock;I)V", ...}],
 *            "removed": [], "changed": []}}
 * }</pre>
 *
 * <p>written one member or element a line, as {@link Json} does. With no differences every count is 0 and every
 * list empty.
 */
final class JsonFormat {

    private JsonFormat() {
    }

    static String render(TableDiff diff, DiffReport report) {
        FailPolicy policy = report.policy();
        Json json = new Json().beginObject()
                .name("old").value(report.oldName())
                .name("new").value(report.newName())
                .name("fails").value(diff.fails(policy))
                .name("policy").value(policy.label());
        json.name("summary").beginObject();
        counts(json, "functions", diff.addedFunctions(), diff.removedFunctions(), diff.changedFunctions());
        counts(json, "variants", diff.addedVariants(), diff.removedVariants(), diff.changedVariants());
        counts(json, "sites", diff.addedSites(), diff.removedSites(), diff.changedSites());
        json.endObject();
        records(json, "functions", diff.addedFunctions(), diff.removedFunctions(), diff.changedFunctions(),
                TableJson::function);
        records(json, "variants", diff.addedVariants(), diff.removedVariants(), diff.changedVariants(),
                TableJson::variant);
        records(json, "sites", diff.addedSites(), diff.removedSites(), diff.changedSites(), TableJson::site);
        return json.endObject().toString();
    }

    private static void counts(Json json, String name, List<?> added, List<?> removed, List<?> changed) {
        json.name(name).beginObject()
                .name("added").value(added.size())
                .name("removed").value(removed.size())
                .name("changed").value(changed.size())
                .endObject();
    }

    private static <T> void records(Json json, String name, List<T> added, List<T> removed,
            List<TableDiff.Change<T>> changed, BiConsumer<Json, T> writer) {
        json.name(name).beginObject();
        json.name("added").beginArray();
        added.forEach(record -> writer.accept(json, record));
        json.endArray().name("removed").beginArray();
        removed.forEach(record -> writer.accept(json, record));
        json.endArray().name("changed").beginArray();
        for (TableDiff.Change<T> change : changed) {
            json.beginObject().name("old");
            writer.accept(json, change.oldValue());
            json.name("new");
            writer.accept(json, change.newValue());
            json.endObject();
        }
        json.endArray().endObject();
    }
}
