package dev.patchsite.linker.table;

import dev.patchsite.linker.InputException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link PatchSiteTable} as JSON, for tools that would rather not parse the text format, and reads it back:
 * {@code read(toJson(t))} equals {@code t}. Names are binary names (dots), descriptors are JVM descriptors, and the
 * order is the table's canonical order.
 *
 * <pre>{@code
 * {"format": "patchsite-table", "version": 1,
 *  "functions": [{"id", "group", "name", "descriptor", "updatable", "declared"}],
 *  "variants": [{"group", "name", "class", "priority", "when", "implements": [id]}],
 *  "sites": [{"function", "callerClass", "callerMethod", "callerDescriptor", "release", "ordinal", "kind",
 *             "superCall", "line"?, "offset"?, "via"?, "in"?, "source"?, "binding"?}]}
 * }</pre>
 *
 * {@code via} (the subclass a call names), {@code in} (the nested jar or class directory of a Spring Boot or web
 * archive), {@code source} (an unconventional source file name) and {@code binding} are present only when the site
 * has them, {@code line} and {@code offset} unless the table was written without positions. The reader is strict: a
 * member of the wrong type, a missing or unknown member, or a record the text form would refuse is an error naming
 * the member's path.
 */
public final class TableJson {

    private TableJson() {
    }

    /**
     * Returns the table as JSON.
     *
     * @param table the table
     * @return the JSON text, ending with a line end
     */
    public static String toJson(PatchSiteTable table) {
        Json json = new Json().beginObject()
                .name("format").value(TableWriter.MAGIC)
                .name("version").value(PatchSiteTable.FORMAT_VERSION);
        if (table.linkedMode() != null) {
            json.name("linked").value(table.linkedMode().label());
            json.name("linkedSelections").beginObject();
            table.linkedSelections().forEach((group, variant) -> json.name(group).value(variant));
            json.endObject();
        }
        json.name("functions").beginArray();
        for (Function function : table.functions()) {
            function(json, function);
        }
        json.endArray().name("variants").beginArray();
        for (Variant variant : table.variants()) {
            variant(json, variant);
        }
        json.endArray().name("sites").beginArray();
        for (Site site : table.sites()) {
            site(json, site);
        }
        return json.endArray().endObject().toString();
    }

    /**
     * Writes one function as a JSON object.
     *
     * @param json the writer, positioned for a value
     * @param function the function
     */
    public static void function(Json json, Function function) {
        json.beginObject()
                .name("id").value(function.id())
                .name("group").value(function.method().ownerBinaryName())
                .name("name").value(function.method().name())
                .name("descriptor").value(function.method().descriptor())
                .name("updatable").value(function.updatable())
                .name("declared").value(function.declared())
                .endObject();
    }

    /**
     * Writes one variant as a JSON object.
     *
     * @param json the writer, positioned for a value
     * @param variant the variant
     */
    public static void variant(Json json, Variant variant) {
        json.beginObject()
                .name("group").value(TableWriter.binary(variant.group()))
                .name("name").value(variant.name())
                .name("class").value(TableWriter.binary(variant.className()))
                .name("priority").value(variant.priority())
                .name("when").value(variant.when() == null ? null : TableWriter.binary(variant.when()))
                .name("implements").beginArray();
        for (String id : variant.implemented()) {
            json.value(id);
        }
        json.endArray().endObject();
    }

    /**
     * Writes one site as a JSON object.
     *
     * @param json the writer, positioned for a value
     * @param site the site
     */
    public static void site(Json json, Site site) {
        json.beginObject()
                .name("function").value(site.functionId())
                .name("callerClass").value(site.caller().ownerBinaryName())
                .name("callerMethod").value(site.caller().name())
                .name("callerDescriptor").value(site.caller().descriptor())
                .name("release").value(site.release())
                .name("ordinal").value(site.ordinal())
                .name("kind").value(site.kind().label())
                .name("superCall").value(site.superCall());
        if (site.hasPosition()) {
            json.name("line").value(site.line()).name("offset").value(site.offset());
        }
        if (site.via() != null) {
            json.name("via").value(TableWriter.binary(site.via()));
        }
        if (site.in() != null) {
            json.name("in").value(site.in());
        }
        if (site.sourceFile() != null) {
            json.name("source").value(site.sourceFile());
        }
        if (site.binding() != null) {
            json.name("binding").value(site.binding().label());
        }
        json.endObject();
    }

    /**
     * Reads a table's JSON form.
     *
     * @param in the JSON text; read to its end, not closed
     * @param source the name of the input, for messages
     * @return the table
     * @throws InputException if the text is not a table's JSON form; the message names the source and the line and
     *     column or the member
     * @throws IOException if reading fails
     */
    public static PatchSiteTable read(Reader in, String source) throws InputException, IOException {
        try {
            Object document = JsonParser.parse(in instanceof BufferedReader b ? b : new BufferedReader(in));
            return table(JsonRecord.of(document, ""));
        } catch (IllegalArgumentException e) {
            throw new InputException(source + ": " + e.getMessage());
        }
    }

    private static PatchSiteTable table(JsonRecord root) {
        if (!TableWriter.MAGIC.equals(root.optionalString("format"))) {
            throw new IllegalArgumentException("not a patch-site table: \"format\" must be \"" + TableWriter.MAGIC
                    + "\"");
        }
        int version = root.integer("version", 0);
        if (version != PatchSiteTable.FORMAT_VERSION) {
            throw new IllegalArgumentException("table format version " + version + " is not supported; this"
                    + " patchsite reads version " + PatchSiteTable.FORMAT_VERSION);
        }
        TableBuilder table = new TableBuilder();
        String linked = root.optionalString("linked");
        JsonRecord selections = root.optionalRecord("linkedSelections");
        if (linked != null) {
            LinkMode mode = LinkMode.forLabel(linked);
            if (mode == null) {
                throw root.problem("linked", "expected one of " + String.join(", ", LinkMode.labels()));
            }
            Map<String, String> chosen = new LinkedHashMap<>();
            if (selections != null) {
                for (Object name : selections.names()) {
                    String group = (String) name;
                    if (group.isEmpty() || group.indexOf('=') >= 0) {
                        throw root.problem("linkedSelections", "a group may not be empty or hold '='");
                    }
                    chosen.put(token(selections, group, group), token(selections, group, selections.string(group)));
                }
            }
            table.linked(mode, chosen);
        } else if (selections != null) {
            throw root.problem("linkedSelections", "only a linked table has selections");
        }
        List<?> functions = root.array("functions");
        List<?> variants = root.array("variants");
        List<?> sites = root.array("sites");
        root.checkAllUsed();
        each(functions, "functions", record -> table.function(function(record)));
        each(variants, "variants", record -> table.variant(variant(record)));
        each(sites, "sites", record -> table.site(site(record)));
        return table.build();
    }

    /** Adds each element of an array, naming the element in a rule's error that does not name it yet. */
    private static void each(List<?> elements, String array, java.util.function.Consumer<JsonRecord> add) {
        for (int i = 0; i < elements.size(); i++) {
            String path = array + "[" + i + "]";
            try {
                add.accept(JsonRecord.of(elements.get(i), path));
            } catch (IllegalArgumentException e) {
                throw e.getMessage().startsWith(path) ? e : new IllegalArgumentException(path + ": " + e.getMessage());
            }
        }
    }

    private static Function function(JsonRecord record) {
        Function function = new Function(record.string("id"), method(record, "group", "name", "descriptor"),
                record.flag("updatable"), record.flag("declared"));
        record.checkAllUsed();
        return function;
    }

    private static Variant variant(JsonRecord record) {
        String when = record.optionalString("when");
        List<String> implemented = new ArrayList<>();
        List<?> ids = record.array("implements");
        for (int i = 0; i < ids.size(); i++) {
            if (!(ids.get(i) instanceof String id)) {
                throw record.problem("implements[" + i + "]", "expected a function id but found "
                        + JsonRecord.type(ids.get(i)));
            }
            implemented.add(id);
        }
        Variant variant = new Variant(internal(record.string("group")), record.string("name"),
                internal(record.string("class")), record.integer("priority", Integer.MIN_VALUE),
                when == null ? null : internal(when), implemented);
        record.checkAllUsed();
        return variant;
    }

    private static Site site(JsonRecord record) {
        boolean positioned = record.has("line") || record.has("offset");
        String via = record.optionalString("via");
        String binding = record.optionalString("binding");
        Site site = new Site(record.string("function"),
                method(record, "callerClass", "callerMethod", "callerDescriptor"), record.integer("release", 0),
                record.integer("ordinal", 0), SiteKind.ofLabel(record.string("kind")), record.flag("superCall"),
                positioned ? record.integer("line", 0) : 0, positioned ? record.integer("offset", 0) : Site.NO_OFFSET,
                binding == null ? null : Binding.ofLabel(token(record, "binding", binding)),
                via == null ? null : internal(via));
        String in = record.optionalString("in");
        String source = record.has("source") ? record.string("source") : null;
        record.checkAllUsed();
        site = site.in(in);
        return source == null ? site : site.withSourceFile(source);
    }

    /**
     * Reads a method as the JVM names one, so that its text form reads back the same: a name without {@code .},
     * {@code ;}, {@code [} or {@code /}, and a method descriptor.
     */
    private static MethodRef method(JsonRecord record, String owner, String name, String descriptor) {
        String ownerName = internal(record.string(owner));
        String methodName = record.string(name);
        for (char c : new char[] {'.', ';', '[', '/'}) {
            if (methodName.indexOf(c) >= 0) {
                throw record.problem(name, "a method name may not hold '" + c + "'");
            }
        }
        String methodDescriptor = record.string(descriptor);
        if (!methodDescriptor.startsWith("(") || methodDescriptor.indexOf(')') < 0) {
            throw record.problem(descriptor, "expected a method descriptor, (PARAMETERS)RETURN");
        }
        return new MethodRef(ownerName, methodName, methodDescriptor);
    }

    /** Checks a value the text form writes as it is, as one token: without white space or control characters. */
    private static String token(JsonRecord record, String name, String value) {
        for (int i = 0; i < value.length(); i++) {
            if (value.charAt(i) <= ' ' || Character.isISOControl(value.charAt(i)) || Character.isWhitespace(
                    value.charAt(i))) {
                throw record.problem(name, "may not hold white space or control characters");
            }
        }
        return value;
    }

    private static String internal(String binaryName) {
        return binaryName.replace('.', '/');
    }
}
