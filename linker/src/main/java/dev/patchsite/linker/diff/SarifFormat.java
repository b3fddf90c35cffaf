package dev.patchsite.linker.diff;

import dev.patchsite.linker.table.Function;
import dev.patchsite.linker.table.Json;
import dev.patchsite.linker.table.Site;
import dev.patchsite.linker.table.Variant;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;

/**
 * Renders a diff as a SARIF 2.1.0 log, for code scanning (GitHub's {@code upload-sarif}) and other SARIF viewers:
 * one run of the tool {@code patchsite}, whose rules are the nine kinds of change ({@code function-added} ...
 * {@code site-changed}, always all nine, in that order), and one result per difference, in the order of the text
 * format. A result's level is {@code error} if its difference makes the policy fail, {@code note} otherwise; its
 * message is the sentence the GitHub format shows. Its location is the source file of the record's class (a site's
 * caller, a function's group, a variant's class) and, for a site whose table recorded it, the line, where a
 * {@linkplain SourceRoots source root} holds the file; otherwise the table the record is in (the old table for a
 * removed record, else the new one), since a result without a physical location is refused by GitHub. Every result
 * also carries the record as a logical location: the caller method, the function or the variant class. The run's
 * properties hold the tables' names, the policy, the summary and whether the diff fails. Relative paths are relative
 * URIs (to the checkout in CI), others {@code file:} URIs. For example, a site added:
 *
 * <pre>{@code
 * {"ruleId": "site-added", "ruleIndex": 6, "level": "error",
 *  "message": {"text": "com.example.App.run()V calls com.example.SpinLock.slowpath(Lcom/example/QLock;I)V (#0, invoke, line 12)"},
 *  "locations": [{"physicalLocation": {"artifactLocation": {"uri": "src/main/java/com/example/App.java"},
 *                                      "region": {"startLine": 12}},
 *                 "logicalLocations": [{"fullyQualifiedName": "com.example.App.run()V", "kind": "function"}]}]}
 * }</pre>
 */
final class SarifFormat {

    /** Where the schema of SARIF 2.1.0 (with its errata) is published. */
    static final String SCHEMA = "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/"
            + "sarif-schema-2.1.0.json";

    private static final List<String> NOUNS = List.of("function", "variant", "site");

    private SarifFormat() {
    }

    static String render(TableDiff diff, DiffReport report) {
        Json json = new Json().beginObject()
                .name("$schema").value(SCHEMA)
                .name("version").value("2.1.0")
                .name("runs").beginArray().beginObject()
                .name("tool").beginObject().name("driver").beginObject()
                .name("name").value("patchsite")
                .name("rules").beginArray();
        for (String noun : NOUNS) {
            for (Delta delta : Delta.values()) {
                json.beginObject()
                        .name("id").value(ruleId(noun, delta))
                        .name("shortDescription").beginObject()
                        .name("text").value("A " + noun + " of the patch-site table was " + delta.label())
                        .endObject().endObject();
            }
        }
        json.endArray().endObject().endObject();
        json.name("results").beginArray();
        for (Section section : Section.of(diff)) {
            for (Difference difference : section.differences()) {
                result(json, difference, diff, report);
            }
        }
        json.endArray();
        json.name("properties").beginObject()
                .name("old").value(report.oldName())
                .name("new").value(report.newName())
                .name("policy").value(report.policy().label())
                .name("summary").value(diff.summary())
                .name("fails").value(diff.fails(report.policy()))
                .endObject();
        return json.endObject().endArray().endObject().toString();
    }

    private static void result(Json json, Difference difference, TableDiff diff, DiffReport report) {
        String noun = difference.noun();
        json.beginObject()
                .name("ruleId").value(ruleId(noun, difference.delta()))
                .name("ruleIndex").value(NOUNS.indexOf(noun) * Delta.values().length + difference.delta().ordinal())
                .name("level").value(report.policy().failsOn(difference.delta()) ? "error" : "note")
                .name("message").beginObject().name("text").value(Descriptions.message(difference, diff)).endObject()
                .name("locations").beginArray().beginObject()
                .name("physicalLocation").beginObject();
        Location location = Location.of(difference, report.sources());
        if (location != null) {
            json.name("artifactLocation").beginObject().name("uri").value(uri(location.file())).endObject();
            if (location.line() > 0) {
                json.name("region").beginObject().name("startLine").value(location.line()).endObject();
            }
        } else {
            String table = difference.newValue() != null ? report.newName() : report.oldName();
            json.name("artifactLocation").beginObject().name("uri").value(uri(table)).endObject();
        }
        json.endObject();
        json.name("logicalLocations").beginArray().beginObject();
        Object record = difference.value();
        if (record instanceof Function function) {
            json.name("fullyQualifiedName").value(function.id()).name("kind").value("function");
        } else if (record instanceof Variant variant) {
            json.name("fullyQualifiedName").value(variant.className().replace('/', '.')).name("kind").value("type");
        } else {
            json.name("fullyQualifiedName").value(((Site) record).caller().toString()).name("kind").value("function");
        }
        json.endObject().endArray().endObject().endArray().endObject();
    }

    private static String ruleId(String noun, Delta delta) {
        return noun + "-" + delta.label();
    }

    /**
     * Returns a file name as a URI reference: a relative path percent-encoded, an absolute one as a {@code file:}
     * URI.
     */
    static String uri(String file) {
        try {
            Path path = Path.of(file);
            if (path.isAbsolute()) {
                return path.normalize().toUri().toASCIIString();
            }
        } catch (InvalidPathException e) {
            // Not a path of this system: encoded as it is.
        }
        StringBuilder out = new StringBuilder();
        for (byte b : file.replace('\\', '/').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "-._~/".indexOf(c) >= 0) {
                out.append(c);
            } else {
                out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                        .append(Character.toUpperCase(Character.forDigit(c & 0xf, 16)));
            }
        }
        return out.toString();
    }
}
